import { getNamedType, GraphQLError, type DocumentNode, type GraphQLSchema } from "graphql";
import {
  collectFields,
  fragmentsOf,
  rootTypeOf,
  selectOperation,
  type Variables,
} from "./operation";
import { accessMetadata } from "./schema";

/**
 * Access-scope enforcement for root fields, driven by the schema file's own metadata
 * (`offline_scopes` and per-field `requiredAccess`). A root field is allowed when the app holds
 * any one of the listed scopes; `write_x` implies `read_x`, as on the platform.
 */

export interface AccessRequirement {
  /** Holding any one of these is enough. */
  anyOf: string[];
  /** The platform's `requiredAccess` text, quoted in the error. */
  description: string;
}

const SCOPE_PATTERN = /\b(?:read|write)_[a-z_]+/g;

/** What a root field (`QueryRoot.products`, `Mutation.collectionCreate`) requires, if anything. */
export function requiredAccessFor(
  schema: GraphQLSchema,
  rootTypeName: string,
  fieldName: string,
): AccessRequirement | null {
  const meta = accessMetadata();
  const key = `${rootTypeName}.${fieldName}`;
  const item = meta.fields.get(key);
  if (item && item.offlineScopes.length) {
    return { anyOf: item.offlineScopes, description: item.requiredAccess };
  }
  const text = meta.fieldText.get(key);
  const fromText = text?.match(SCOPE_PATTERN);
  if (text && fromText?.length) return { anyOf: [...new Set(fromText)], description: text.trim() };
  // Fall back to the returned type (for connections, the node type).
  const root = schema.getType(rootTypeName);
  const field = root && "getFields" in root ? root.getFields()[fieldName] : undefined;
  if (!field || !("type" in field)) return null;
  const named = getNamedType(field.type).name;
  const typeName = named.endsWith("Connection") ? named.slice(0, -"Connection".length) : named;
  const typeItem = meta.types.get(typeName);
  if (typeItem && typeItem.offlineScopes.length) {
    return { anyOf: typeItem.offlineScopes, description: typeItem.requiredAccess };
  }
  return null;
}

/** Whether granted scopes satisfy a requirement (`write_x` covers `read_x`). */
export function satisfies(granted: readonly string[], anyOf: readonly string[]): boolean {
  const held = new Set(granted);
  return anyOf.some(
    (scope) =>
      held.has(scope) || (scope.startsWith("read_") && held.has(`write_${scope.slice(5)}`)),
  );
}

/** ACCESS_DENIED errors for every root field the scopes do not cover (empty when allowed). */
export function accessDeniedErrors(params: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables: Variables;
  scopes: readonly string[];
}): GraphQLError[] {
  const { schema, document, variables } = params;
  const operation = selectOperation(document, params.operationName);
  const root = operation && rootTypeOf(schema, operation);
  if (!operation || !root) return [];
  const fields = collectFields(
    schema,
    root,
    [operation.selectionSet],
    fragmentsOf(document),
    variables,
  );
  const errors: GraphQLError[] = [];
  for (const [key, nodes] of fields) {
    const name = nodes[0].name.value;
    const requirement = requiredAccessFor(schema, root.name, name);
    if (!requirement || satisfies(params.scopes, requirement.anyOf)) continue;
    errors.push(
      new GraphQLError(
        `Access denied for ${name} field. Required access: ${requirement.description}`,
        {
          nodes: nodes[0],
          path: [key],
          extensions: {
            code: "ACCESS_DENIED",
            documentation: "https://shopify.dev/api/usage/access-scopes",
            requiredAccess: requirement.description,
          },
        },
      ),
    );
  }
  return errors;
}
