import {
  getDirectiveValues,
  getVariableValues,
  type GraphQLError,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/**
 * Static walking helpers shared by the cost calculator, the input limits, the scope check and the
 * bulk-query validator. Pure: no execution, no shop.
 */

export type Variables = Record<string, unknown>;

/** The operation a request runs (by name, or the only one). */
export function selectOperation(
  document: DocumentNode,
  operationName?: string | null,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName) return operations.find((op) => op.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  }
  return fragments;
}

export function rootTypeOf(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
): GraphQLObjectType | undefined {
  const type = schema.getRootType(operation.operation);
  return type ?? undefined;
}

type Selectable = Parameters<typeof getDirectiveValues>[1];

/** `@skip(if:)` / `@include(if:)` with the request's variables, as execution would apply them. */
export function shouldInclude(node: Selectable, variables: Variables): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, variables);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, variables);
  return include?.if !== false;
}

/** Whether a fragment with `typeCondition` applies to objects of `type`. */
function conditionApplies(
  schema: GraphQLSchema,
  conditionName: string | undefined,
  type: GraphQLCompositeType,
): boolean {
  if (!conditionName || conditionName === type.name) return true;
  const condition = schema.getType(conditionName);
  if (!condition) return false;
  if (isAbstractType(condition) && isObjectType(type)) return schema.isSubType(condition, type);
  if (isAbstractType(condition) && isAbstractType(type)) {
    // A fragment on a wider abstract type applies to the possible types the two share.
    return schema.getPossibleTypes(type).some((p) => schema.isSubType(condition, p));
  }
  return false;
}

/**
 * Groups the fields selected on `type` by response key, following fragments and honouring
 * skip/include, like graphql-js's CollectFields. Each key maps to every field node merged there.
 */
export function collectFields(
  schema: GraphQLSchema,
  type: GraphQLCompositeType,
  selectionSets: readonly SelectionSetNode[],
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Variables,
): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visitedFragments = new Set<string>();
  const visit = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (!shouldInclude(selection, variables)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const list = fields.get(key);
        if (list) list.push(selection);
        else fields.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (conditionApplies(schema, selection.typeCondition?.name.value, type)) {
          visit(selection.selectionSet);
        }
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visitedFragments.has(name)) continue;
        visitedFragments.add(name);
        if (conditionApplies(schema, fragment.typeCondition.name.value, type)) {
          visit(fragment.selectionSet);
        }
      }
    }
  };
  for (const set of selectionSets) visit(set);
  return fields;
}

/**
 * Object types worth costing separately under an abstract type: those named by fragments in the
 * selection, or (when none is named) the abstract type itself stands for all of them.
 */
export function candidateTypes(
  schema: GraphQLSchema,
  abstractType: GraphQLCompositeType,
  selectionSets: readonly SelectionSetNode[],
  fragments: Map<string, FragmentDefinitionNode>,
): GraphQLCompositeType[] {
  if (!isAbstractType(abstractType)) return [abstractType];
  const possible = schema.getPossibleTypes(abstractType);
  const named = new Set<string>();
  const seenFragments = new Set<string>();
  const visit = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (selection.typeCondition) named.add(selection.typeCondition.name.value);
        visit(selection.selectionSet);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seenFragments.has(fragment.name.value)) continue;
        seenFragments.add(fragment.name.value);
        named.add(fragment.typeCondition.name.value);
        visit(fragment.selectionSet);
      }
    }
  };
  selectionSets.forEach(visit);
  const result: GraphQLCompositeType[] = possible.filter((p) => named.has(p.name));
  // Fields selected directly on the interface (or through fragments on other abstract types)
  // apply to every possible type; one representative covers them.
  const representative = possible.find((p) => !named.has(p.name));
  if (representative) result.push(representative);
  return result.length ? result : [abstractType];
}

/** True for Relay connection types (`XConnection` with `edges`/`nodes`/`pageInfo`). */
export function isConnectionTypeName(schema: GraphQLSchema, typeName: string): boolean {
  if (!typeName.endsWith("Connection")) return false;
  const type = schema.getType(typeName);
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return "pageInfo" in fields && ("edges" in fields || "nodes" in fields);
}

export { getNamedType };

/**
 * Coerces the request's variables against the operation's definitions (defaults applied), with
 * graphql-js's own error messages.
 */
export function coerceVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  inputs: Variables,
): { coerced: Variables; errors?: undefined } | { errors: readonly GraphQLError[] } {
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], inputs, {
    maxErrors: 50,
  });
  if (result.errors) return { errors: result.errors };
  return { coerced: result.coerced };
}
