import {
  getArgumentValues,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
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
  type Variables,
} from "./operation";

/**
 * Shopify's calculated query cost (shopify.dev "GraphQL Admin API rate limits"), as a pure function
 * of schema + document + variables (+ the response data for the actual cost):
 *
 * - scalar and enum fields cost 0, object fields 1 (plus what they select);
 * - interfaces and unions cost the maximum over the possible types selected;
 * - a connection costs 2 + (first|last) × the cost of one item (`edges.node` / `nodes`);
 * - a mutation root field costs 10 (its payload objects are free; connections in it are not);
 * - `@skip`/`@include` are applied, fragments are merged by response key.
 *
 * The actual cost replays the same rules over the returned data: connections count the items
 * really returned, null objects cost only themselves.
 */

export const MUTATION_FIELD_COST = 10;
export const CONNECTION_BASE_COST = 2;
export const OBJECT_COST = 1;
export const MAX_QUERY_COST = 1000;

export interface CostInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  /** Coerced variables (defaults applied). */
  variables?: Variables;
}

/** Not-a-value marker: computing the requested (static) cost. */
const STATIC = Symbol("static");
type Observed = unknown | typeof STATIC;

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Variables;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function child(value: Observed, key: string): Observed {
  if (value === STATIC) return STATIC;
  return isRecord(value) ? value[key] : undefined;
}

function selectionSetsOf(nodes: readonly FieldNode[]): SelectionSetNode[] {
  return nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
}

function fieldDefinition(
  type: GraphQLCompositeType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (isObjectType(type) || isInterfaceType(type)) return type.getFields()[name];
  return undefined;
}

function isListOutput(type: GraphQLOutputType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner);
}

/** Cost of one object of `type` (or of each type it may be), including what it selects. */
function objectCost(
  walk: Walk,
  type: GraphQLCompositeType,
  selectionSets: readonly SelectionSetNode[],
  value: Observed,
  payload: boolean,
): number {
  const own = payload ? 0 : OBJECT_COST;
  if (value !== STATIC && (value === null || value === undefined)) return own;
  let candidates = candidateTypes(walk.schema, type, selectionSets, walk.fragments);
  if (value !== STATIC && isAbstractType(type) && isRecord(value)) {
    const runtime =
      typeof value.__typename === "string" ? walk.schema.getType(value.__typename) : null;
    if (runtime && isObjectType(runtime)) candidates = [runtime];
  }
  let best = 0;
  for (const candidate of candidates) {
    const fields = collectFields(
      walk.schema,
      candidate,
      selectionSets,
      walk.fragments,
      walk.variables,
    );
    let sum = 0;
    for (const [key, nodes] of fields) {
      sum += fieldCost(walk, candidate, nodes, child(value, key), payload);
    }
    best = Math.max(best, sum);
  }
  return own + best;
}

/** Cost of one item of a connection: the larger of its `edges.node` and `nodes` selections. */
function connectionItemCost(
  walk: Walk,
  connectionType: GraphQLCompositeType,
  selectionSets: readonly SelectionSetNode[],
  edgeValue: Observed,
  nodeValue: Observed,
): number {
  const fields = collectFields(
    walk.schema,
    connectionType,
    selectionSets,
    walk.fragments,
    walk.variables,
  );
  let cost = 0;
  for (const nodes of fields.values()) {
    const name = nodes[0].name.value;
    const def = fieldDefinition(connectionType, name);
    if (!def) continue;
    const named = getNamedType(def.type);
    if (!isCompositeType(named)) continue;
    const sets = selectionSetsOf(nodes);
    if (name === "nodes") {
      cost = Math.max(cost, objectCost(walk, named, sets, nodeValue, false));
    } else if (name === "edges") {
      // The edge itself is free; its `node` is the item.
      const edgeFields = collectFields(walk.schema, named, sets, walk.fragments, walk.variables);
      for (const [edgeKey, edgeFieldNodes] of edgeFields) {
        const edgeFieldDef = fieldDefinition(named, edgeFieldNodes[0].name.value);
        const edgeNamed = edgeFieldDef && getNamedType(edgeFieldDef.type);
        if (!edgeNamed || !isCompositeType(edgeNamed)) continue;
        const value = child(edgeValue, edgeKey);
        cost = Math.max(
          cost,
          objectCost(walk, edgeNamed, selectionSetsOf(edgeFieldNodes), value, false),
        );
      }
    }
    // pageInfo and other connection-level objects are part of the connection's base cost.
  }
  return cost;
}

function connectionCost(
  walk: Walk,
  connectionType: GraphQLCompositeType,
  fieldNodes: readonly FieldNode[],
  args: Record<string, unknown>,
  value: Observed,
): number {
  const sets = selectionSetsOf(fieldNodes);
  if (value === STATIC) {
    const size =
      typeof args.first === "number" ? args.first : typeof args.last === "number" ? args.last : 0;
    return (
      CONNECTION_BASE_COST +
      Math.max(0, size) * connectionItemCost(walk, connectionType, sets, STATIC, STATIC)
    );
  }
  if (!isRecord(value)) return CONNECTION_BASE_COST;
  // Items are read through whichever list the response carries, by response key.
  const fields = collectFields(walk.schema, connectionType, sets, walk.fragments, walk.variables);
  let edges: unknown[] = [];
  let nodes: unknown[] = [];
  for (const [key, selected] of fields) {
    const list = value[key];
    if (!Array.isArray(list)) continue;
    if (selected[0].name.value === "edges") edges = list;
    if (selected[0].name.value === "nodes") nodes = list;
  }
  const count = Math.max(edges.length, nodes.length);
  let total = CONNECTION_BASE_COST;
  for (let i = 0; i < count; i++) {
    total += connectionItemCost(walk, connectionType, sets, edges[i], nodes[i]);
  }
  return total;
}

function fieldCost(
  walk: Walk,
  parentType: GraphQLCompositeType,
  fieldNodes: readonly FieldNode[],
  value: Observed,
  payload: boolean,
): number {
  const name = fieldNodes[0].name.value;
  const def = fieldDefinition(parentType, name);
  if (!def) return 0; // __typename and meta fields
  const named = getNamedType(def.type);
  if (isLeafType(named) || !isCompositeType(named)) return 0;
  const args = getArgumentValues(def, fieldNodes[0], walk.variables);
  if (isConnectionTypeName(walk.schema, named.name)) {
    return connectionCost(walk, named, fieldNodes, args, value);
  }
  const sets = selectionSetsOf(fieldNodes);
  if (isListOutput(def.type)) {
    // Plain lists are unsized, except lookups by `ids`, which cost per id requested.
    const byIds = Array.isArray(args.ids) ? args.ids.length : null;
    if (value === STATIC) return (byIds ?? 1) * objectCost(walk, named, sets, STATIC, payload);
    if (!Array.isArray(value) || value.length === 0) return 0;
    const itemCosts = value.map((item) => objectCost(walk, named, sets, item, payload));
    if (byIds !== null) return itemCosts.reduce((a, b) => a + b, 0);
    return Math.max(...itemCosts);
  }
  return objectCost(walk, named, sets, value, payload);
}

function operationCost(input: CostInput, data: Observed): number {
  const operation = selectOperation(input.document, input.operationName);
  if (!operation) return 0;
  const root = rootTypeOf(input.schema, operation);
  if (!root) return 0;
  const walk: Walk = {
    schema: input.schema,
    fragments: fragmentsOf(input.document),
    variables: input.variables ?? {},
  };
  const fields = collectFields(
    walk.schema,
    root,
    [operation.selectionSet],
    walk.fragments,
    walk.variables,
  );
  let total = 0;
  for (const [key, nodes] of fields) {
    const value = child(data, key);
    if (operation.operation === "mutation") {
      if (!fieldDefinition(root, nodes[0].name.value)) continue;
      total += MUTATION_FIELD_COST + fieldCost(walk, root, nodes, value, true);
    } else {
      total += fieldCost(walk, root, nodes, value, false);
    }
  }
  return total;
}

/** The cost Shopify reserves before running the operation (`requestedQueryCost`). */
export function requestedQueryCost(input: CostInput): number {
  return operationCost(input, STATIC);
}

/** The cost after execution from the data returned (`actualQueryCost`); never above requested. */
export function actualQueryCost(input: CostInput & { data: unknown }): number {
  const actual = operationCost(input, input.data ?? null);
  return Math.min(actual, requestedQueryCost(input));
}
