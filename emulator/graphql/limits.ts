import {
  getArgumentValues,
  getNamedType,
  GraphQLError,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import {
  fragmentsOf,
  rootTypeOf,
  selectOperation,
  shouldInclude,
  type Variables,
} from "./operation";

/**
 * The platform's input limits (shopify.dev "Shopify API limits"), checked before execution:
 * `first`/`last` at most 250, and every input array at most 250 items. Violations are top-level
 * errors and nothing runs.
 */

export const MAX_PAGE_ARGUMENT = 250;
export const MAX_INPUT_ARRAY = 250;

function pageLimitError(argument: string, node: FieldNode, path: readonly (string | number)[]) {
  return new GraphQLError(
    `${argument} cannot exceed ${MAX_PAGE_ARGUMENT}. To query larger amounts of data with fewer limits, bulk operations should be used instead.`,
    { nodes: node, path, extensions: { code: "BAD_REQUEST" } },
  );
}

function arraySizeError(size: number, node: FieldNode, path: readonly (string | number)[]) {
  return new GraphQLError(
    `The input array size of ${size} is greater than the maximum allowed of ${MAX_INPUT_ARRAY}.`,
    { nodes: node, path, extensions: { code: "MAX_INPUT_SIZE_EXCEEDED" } },
  );
}

function scanInput(
  value: unknown,
  path: (string | number)[],
  node: FieldNode,
  errors: GraphQLError[],
): void {
  if (Array.isArray(value)) {
    if (value.length > MAX_INPUT_ARRAY) {
      errors.push(arraySizeError(value.length, node, path));
      return;
    }
    value.forEach((item, i) => scanInput(item, [...path, i], node, errors));
  } else if (typeof value === "object" && value !== null) {
    for (const [key, inner] of Object.entries(value))
      scanInput(inner, [...path, key], node, errors);
  }
}

/** Every violated input limit in the operation, as top-level errors (empty when all is well). */
export function inputLimitErrors(params: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables: Variables;
}): GraphQLError[] {
  const { schema, document, variables } = params;
  const operation = selectOperation(document, params.operationName);
  const root = operation && rootTypeOf(schema, operation);
  if (!operation || !root) return [];
  const fragments = fragmentsOf(document);
  const errors: GraphQLError[] = [];

  const visit = (
    type: GraphQLCompositeType,
    selectionSet: SelectionSetNode,
    path: string[],
    seen: Set<string>,
  ): void => {
    for (const selection of selectionSet.selections) {
      if (!shouldInclude(selection, variables)) continue;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : type;
        if (condition && (isObjectType(condition) || isInterfaceType(condition))) {
          visit(condition, selection.selectionSet, path, seen);
        } else {
          visit(type, selection.selectionSet, path, seen);
        }
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        const condition = schema.getType(fragment.typeCondition.name.value);
        const next = new Set(seen).add(fragment.name.value);
        if (condition && (isObjectType(condition) || isInterfaceType(condition))) {
          visit(condition, fragment.selectionSet, path, next);
        } else {
          visit(type, fragment.selectionSet, path, next);
        }
        continue;
      }
      if (!isObjectType(type) && !isInterfaceType(type)) continue;
      const def = type.getFields()[selection.name.value];
      if (!def) continue;
      const key = selection.alias?.value ?? selection.name.value;
      const fieldPath = [...path, key];
      const args = getArgumentValues(def, selection, variables);
      for (const argument of ["first", "last"]) {
        const n = args[argument];
        if (typeof n === "number" && n > MAX_PAGE_ARGUMENT) {
          errors.push(pageLimitError(argument, selection, fieldPath));
        }
      }
      for (const [name, value] of Object.entries(args)) {
        scanInput(value, [...fieldPath, name], selection, errors);
      }
      const named = getNamedType(def.type);
      if (selection.selectionSet && (isObjectType(named) || isInterfaceType(named))) {
        visit(named, selection.selectionSet, fieldPath, seen);
      } else if (selection.selectionSet) {
        // Unions: fields only appear under fragments, which carry their own type condition.
        visit(named as GraphQLCompositeType, selection.selectionSet, fieldPath, seen);
      }
    }
  };
  visit(root, operation.selectionSet, [], new Set());
  return errors;
}
