import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import {
  candidateTypes,
  collectFields,
  fragmentsOf,
  isConnectionTypeName,
  rootTypeOf,
  selectOperation,
} from "../graphql/operation";

/**
 * The restrictions `bulkOperationRunQuery` puts on its query (shopify.dev bulk operations guide):
 * at least one connection, at most five, connections nested at most two deep, no top-level
 * `node`/`nodes`, no connection inside a plain list. Failures become `BulkOperationUserError`s.
 */

export const MAX_BULK_CONNECTIONS = 5;
export const MAX_BULK_CONNECTION_DEPTH = 2;

export interface BulkQueryProblem {
  code: "INVALID";
  field: string[];
  message: string;
}

interface ConnectionStats {
  count: number;
  maxDepth: number;
  insideList: boolean;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

function walkConnections(
  schema: GraphQLSchema,
  type: GraphQLCompositeType,
  sets: readonly SelectionSetNode[],
  fragments: Map<string, FragmentDefinitionNode>,
  depth: number,
  inList: boolean,
  stats: ConnectionStats,
): void {
  for (const candidate of candidateTypes(schema, type, sets, fragments)) {
    if (!isObjectType(candidate) && !isInterfaceType(candidate)) continue;
    const fields = collectFields(schema, candidate, sets, fragments, {});
    for (const nodes of fields.values()) {
      const def = candidate.getFields()[nodes[0].name.value];
      if (!def) continue;
      const named = getNamedType(def.type);
      if (!isCompositeType(named)) continue;
      const childSets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
      const connection = isConnectionTypeName(schema, named.name);
      if (connection) {
        stats.count += 1;
        stats.maxDepth = Math.max(stats.maxDepth, depth + 1);
        if (inList) stats.insideList = true;
      }
      const listHere =
        !connection && isList(def.type) && !isConnectionPart(candidate.name, nodes[0].name.value);
      walkConnections(
        schema,
        named,
        childSets,
        fragments,
        connection ? depth + 1 : depth,
        inList || listHere,
        stats,
      );
    }
  }
}

/** `edges` and `nodes` are lists by type but belong to their connection. */
function isConnectionPart(parentTypeName: string, fieldName: string): boolean {
  return parentTypeName.endsWith("Connection") && (fieldName === "edges" || fieldName === "nodes");
}

/** Parses and checks a bulk query; returns the document or the problem to report. */
export function validateBulkQuery(
  schema: GraphQLSchema,
  query: string,
): { document: DocumentNode; problem?: undefined } | { problem: BulkQueryProblem } {
  const invalid = (message: string): { problem: BulkQueryProblem } => ({
    problem: { code: "INVALID", field: ["query"], message },
  });
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return invalid(`Invalid bulk query: ${error instanceof Error ? error.message : String(error)}`);
  }
  const errors = validate(schema, document);
  if (errors.length) return invalid(`Invalid bulk query: ${errors[0].message}`);
  const operation = selectOperation(document);
  if (!operation) return invalid("Bulk queries must contain exactly one operation.");
  if (operation.operation !== "query") return invalid("Bulk queries must be query operations.");
  if (operation.variableDefinitions?.length) return invalid("Bulk queries cannot use variables.");
  const root = rootTypeOf(schema, operation);
  if (!root) return invalid("Bulk queries must be query operations.");
  const fragments = fragmentsOf(document);
  const rootFields = collectFields(schema, root, [operation.selectionSet], fragments, {});
  for (const nodes of rootFields.values()) {
    const name = nodes[0].name.value;
    if (name === "node" || name === "nodes") {
      return invalid("Bulk queries cannot contain the top-level `node` or `nodes` fields.");
    }
  }
  const stats: ConnectionStats = { count: 0, maxDepth: 0, insideList: false };
  walkConnections(schema, root, [operation.selectionSet], fragments, 0, false, stats);
  if (stats.count === 0) return invalid("Bulk queries must contain at least one connection.");
  if (stats.count > MAX_BULK_CONNECTIONS) {
    return invalid(`Bulk queries cannot contain more than ${MAX_BULK_CONNECTIONS} connections.`);
  }
  if (stats.maxDepth > MAX_BULK_CONNECTION_DEPTH) {
    return invalid(
      `Bulk queries cannot contain connections with a nesting depth greater than ${MAX_BULK_CONNECTION_DEPTH}.`,
    );
  }
  if (stats.insideList) {
    return invalid(
      "Queries that contain a connection field within a list field are not currently supported.",
    );
  }
  return { document };
}
