import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
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
 * Turns a bulk query into JSONL the way the platform does (SHOPIFY-PLATFORM.md §2.3): every
 * connection is read in full (no `first` needed), each connection node becomes one line, nested
 * connection nodes get their own lines with `__parentId`. Without `groupObjects` the children of
 * a parent are written after the *next* parent, so readers must rebuild the tree by id, and the
 * children of one parent come in reverse connection order: the platform promises no order for
 * them (not even for `products(sortKey: COLLECTION_DEFAULT)`), so nothing may rely on one.
 *
 * The only first-level connection (when there is exactly one) is read page by page through the
 * same resolvers, so a 100,000-product export stays linear and does not block the server.
 */

export const BULK_PAGE_SIZE = 5000;
/** `first` for nested connections: "everything". */
export const BULK_UNBOUNDED = 1_000_000;
const ID_ALIAS = "__bulkId";
const PAGE_INFO_ALIAS = "__bulkPageInfo";
const FIRST_VAR = "__bulkFirst";
const AFTER_VAR = "__bulkAfter";
const PAGING_ARGS = new Set(["first", "last", "after", "before"]);

export interface PreparedBulkQuery {
  document: DocumentNode;
  /** Response-key path to the paged first-level connection, or null (one pass). */
  pagedPath: string[] | null;
}

function intArg(name: string, value: number): ArgumentNode {
  return {
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: name },
    value: { kind: Kind.INT, value: String(value) },
  };
}

function varArg(name: string, variable: string): ArgumentNode {
  return {
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: name },
    value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: variable } },
  };
}

function field(name: string, alias?: string, selectionSet?: SelectionSetNode): FieldNode {
  return {
    kind: Kind.FIELD,
    name: { kind: Kind.NAME, value: name },
    ...(alias ? { alias: { kind: Kind.NAME, value: alias } } : {}),
    ...(selectionSet ? { selectionSet } : {}),
  };
}

function hasIdField(type: unknown): boolean {
  return (isObjectType(type) || isInterfaceType(type)) && "id" in type.getFields();
}

function withSelection(set: SelectionSetNode, extra: FieldNode): SelectionSetNode {
  return { ...set, selections: [...set.selections, extra] };
}

/** Rewrites the (validated) bulk query: connection arguments, ids for `__parentId`, paging. */
export function prepareBulkQuery(schema: GraphQLSchema, document: DocumentNode): PreparedBulkQuery {
  // Pass 1: find first-level connections (by AST node) to decide whether to page.
  const firstLevel: FieldNode[] = [];
  const paths = new Map<FieldNode, string[]>();
  {
    const typeInfo = new TypeInfo(schema);
    const stack: { connection: boolean; key: string }[] = [];
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field: {
          enter(node) {
            const type = typeInfo.getType();
            const named = type ? getNamedType(type) : null;
            const connection = !!named && isConnectionTypeName(schema, named.name);
            if (connection && !stack.some((s) => s.connection)) {
              firstLevel.push(node);
              paths.set(node, [...stack.map((s) => s.key), node.alias?.value ?? node.name.value]);
            }
            stack.push({ connection, key: node.alias?.value ?? node.name.value });
          },
          leave() {
            stack.pop();
          },
        },
      }),
    );
  }
  // Page only a lone root-level connection outside fragments; anything else runs in one pass.
  const hasFragments = document.definitions.some((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  const paged =
    firstLevel.length === 1 && !hasFragments && paths.get(firstLevel[0])?.length === 1
      ? firstLevel[0]
      : null;

  // Pass 2: rewrite.
  const typeInfo = new TypeInfo(schema);
  const parentFieldStack: { connection: boolean; nodeType: boolean }[] = [];
  let inFragmentDefinition = false;
  const rewritten = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      FragmentDefinition: {
        enter() {
          inFragmentDefinition = true;
        },
        leave() {
          inFragmentDefinition = false;
        },
      },
      OperationDefinition: {
        leave(node: OperationDefinitionNode) {
          if (!paged) return undefined;
          const intType = {
            kind: Kind.NAMED_TYPE,
            name: { kind: Kind.NAME, value: "Int" },
          } as const;
          const stringType = {
            kind: Kind.NAMED_TYPE,
            name: { kind: Kind.NAME, value: "String" },
          } as const;
          return {
            ...node,
            variableDefinitions: [
              ...(node.variableDefinitions ?? []),
              {
                kind: Kind.VARIABLE_DEFINITION,
                variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: FIRST_VAR } },
                type: intType,
              },
              {
                kind: Kind.VARIABLE_DEFINITION,
                variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: AFTER_VAR } },
                type: stringType,
              },
            ],
          };
        },
      },
      Field: {
        enter(node) {
          const type = typeInfo.getType();
          const named = type ? getNamedType(type) : null;
          const connection = !!named && isConnectionTypeName(schema, named.name);
          const parent = parentFieldStack.at(-1);
          // Objects that become lines: root objects and connection items (edges.node / nodes).
          const nodeType =
            !connection &&
            ((parentFieldStack.length === 0 && !inFragmentDefinition) ||
              (parent?.connection === true && node.name.value === "nodes") ||
              (parentFieldStack.length >= 2 &&
                parentFieldStack.at(-2)?.connection === true &&
                node.name.value === "node"));
          parentFieldStack.push({ connection, nodeType });
          if (!connection && !(nodeType && node.selectionSet && hasIdField(named)))
            return undefined;
          let next: FieldNode = node;
          if (connection) {
            const args = (node.arguments ?? []).filter((a) => !PAGING_ARGS.has(a.name.value));
            if (node === paged) {
              args.push(varArg("first", FIRST_VAR), varArg("after", AFTER_VAR));
              const pageInfo = field("pageInfo", PAGE_INFO_ALIAS, {
                kind: Kind.SELECTION_SET,
                selections: [field("hasNextPage"), field("endCursor")],
              });
              next = {
                ...node,
                arguments: args,
                selectionSet: withSelection(node.selectionSet!, pageInfo),
              };
            } else {
              args.push(intArg("first", BULK_UNBOUNDED));
              next = { ...node, arguments: args };
            }
          } else if (node.selectionSet) {
            next = {
              ...node,
              selectionSet: withSelection(node.selectionSet, field("id", ID_ALIAS)),
            };
          }
          return next;
        },
        leave() {
          parentFieldStack.pop();
        },
      },
    }),
  );
  return { document: rewritten, pagedPath: paged ? (paths.get(paged) ?? null) : null };
}

export function bulkPageVariables(after: string | null): Record<string, unknown> {
  return { [FIRST_VAR]: BULK_PAGE_SIZE, [AFTER_VAR]: after };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The paged connection's `pageInfo` in one page's data. */
export function nextCursor(data: unknown, pagedPath: string[]): string | null {
  let value: unknown = data;
  for (const key of pagedPath) value = isRecord(value) ? value[key] : undefined;
  const info = isRecord(value) ? value[PAGE_INFO_ALIAS] : undefined;
  if (!isRecord(info) || info.hasNextPage !== true || typeof info.endCursor !== "string")
    return null;
  return info.endCursor;
}

interface Walker {
  schema: GraphQLSchema;
  /** Children of a parent in reverse connection order (see the module comment). */
  reverseNested: boolean;
  fragments: Map<string, FragmentDefinitionNode>;
  /** collectFields per (selection set, type): the same few shapes repeat for every node. */
  cache: WeakMap<SelectionSetNode, Map<string, Map<string, FieldNode[]>>>;
}

function fieldsOf(
  walker: Walker,
  type: GraphQLCompositeType,
  sets: readonly SelectionSetNode[],
): Map<string, FieldNode[]> {
  if (sets.length !== 1) return collectFields(walker.schema, type, sets, walker.fragments, {});
  let byType = walker.cache.get(sets[0]);
  if (!byType) {
    byType = new Map();
    walker.cache.set(sets[0], byType);
  }
  let fields = byType.get(type.name);
  if (!fields) {
    fields = collectFields(walker.schema, type, sets, walker.fragments, {});
    byType.set(type.name, fields);
  }
  return fields;
}

/** The lines one root object (with its descendants) produces, parent first. */
interface RootLines {
  root: string;
  descendants: string[];
}

/**
 * Splits one object into its own line (everything but connections) and emits descendants from
 * the connections found in it (at any object depth).
 */
function objectLine(
  walker: Walker,
  value: Record<string, unknown>,
  type: GraphQLCompositeType,
  sets: readonly SelectionSetNode[],
  parentIdForChildren: string | null,
  children: string[],
): Record<string, unknown> {
  const line: Record<string, unknown> = {};
  let candidates = candidateTypes(walker.schema, type, sets, walker.fragments);
  if (typeof value.__typename === "string") {
    const runtime = walker.schema.getType(value.__typename);
    if (runtime && isObjectType(runtime)) candidates = [runtime];
  }
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (!isObjectType(candidate) && !isInterfaceType(candidate)) continue;
    const fields = fieldsOf(walker, candidate, sets);
    for (const [key, nodes] of fields) {
      if (seen.has(key) || !(key in value)) continue;
      seen.add(key);
      if (key === ID_ALIAS || key === PAGE_INFO_ALIAS) continue;
      const def = candidate.getFields()[nodes[0].name.value];
      const named = def ? getNamedType(def.type) : null;
      const inner = value[key];
      const childSets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
      if (named && isCompositeType(named) && isConnectionTypeName(walker.schema, named.name)) {
        emitConnection(walker, inner, named, childSets, parentIdForChildren, children);
      } else if (named && isCompositeType(named) && isRecord(inner)) {
        line[key] = objectLine(walker, inner, named, childSets, parentIdForChildren, children);
      } else {
        line[key] = inner;
      }
    }
  }
  return line;
}

function connectionItems(
  walker: Walker,
  value: unknown,
  type: GraphQLCompositeType,
  sets: readonly SelectionSetNode[],
): {
  item: Record<string, unknown>;
  itemType: GraphQLCompositeType;
  itemSets: SelectionSetNode[];
}[] {
  if (!isRecord(value) || !isObjectType(type)) return [];
  const fields = fieldsOf(walker, type, sets);
  for (const [key, nodes] of fields) {
    const name = nodes[0].name.value;
    const list = value[key];
    if (!Array.isArray(list)) continue;
    const def = type.getFields()[name];
    const listType = def ? getNamedType(def.type) : null;
    if (!listType || !isCompositeType(listType)) continue;
    const listSets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
    if (name === "nodes") {
      return list
        .filter(isRecord)
        .map((item) => ({ item, itemType: listType, itemSets: listSets }));
    }
    if (name === "edges" && isObjectType(listType)) {
      const edgeFields = fieldsOf(walker, listType, listSets);
      for (const [edgeKey, edgeNodes] of edgeFields) {
        if (edgeNodes[0].name.value !== "node") continue;
        const nodeDef = listType.getFields().node;
        const nodeType = getNamedType(nodeDef.type);
        if (!isCompositeType(nodeType)) continue;
        const nodeSets = edgeNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
        return list
          .filter(isRecord)
          .map((edge) => edge[edgeKey])
          .filter(isRecord)
          .map((item) => ({ item, itemType: nodeType, itemSets: nodeSets }));
      }
    }
  }
  return [];
}

function emitConnection(
  walker: Walker,
  value: unknown,
  type: GraphQLCompositeType,
  sets: readonly SelectionSetNode[],
  parentId: string | null,
  out: string[],
): void {
  const items = connectionItems(walker, value, type, sets);
  if (walker.reverseNested && parentId !== null) items.reverse();
  for (const { item, itemType, itemSets } of items) {
    const lines = nodeLines(walker, item, itemType, itemSets, parentId);
    out.push(lines.root, ...lines.descendants);
  }
}

function nodeLines(
  walker: Walker,
  value: Record<string, unknown>,
  type: GraphQLCompositeType,
  sets: readonly SelectionSetNode[],
  parentId: string | null,
): RootLines {
  const id = typeof value[ID_ALIAS] === "string" ? value[ID_ALIAS] : null;
  const descendants: string[] = [];
  const line = objectLine(walker, value, type, sets, id, descendants);
  if (parentId) line.__parentId = parentId;
  return { root: JSON.stringify(line), descendants };
}

/** Accumulates JSONL, placing children as the platform may (see the module comment). */
export class JsonlWriter {
  readonly lines: string[] = [];
  rootObjectCount = 0;
  private pending: string[] = [];

  constructor(readonly groupObjects: boolean) {}

  writeRoot(lines: RootLines): void {
    this.rootObjectCount += 1;
    this.lines.push(lines.root);
    if (this.groupObjects) {
      this.lines.push(...lines.descendants);
      return;
    }
    // Children of the previous parent land after this parent: never assume adjacency.
    this.lines.push(...this.pending);
    this.pending = lines.descendants;
  }

  finish(): string {
    this.lines.push(...this.pending);
    this.pending = [];
    return this.lines.length ? `${this.lines.join("\n")}\n` : "";
  }
}

const walkers = new WeakMap<PreparedBulkQuery, Walker>();

function walkerFor(
  schema: GraphQLSchema,
  prepared: PreparedBulkQuery,
  groupObjects: boolean,
): Walker {
  let walker = walkers.get(prepared);
  if (!walker) {
    walker = {
      schema,
      reverseNested: !groupObjects,
      fragments: fragmentsOf(prepared.document),
      cache: new WeakMap(),
    };
    walkers.set(prepared, walker);
  }
  return walker;
}

/** Emits the root objects of one executed page of a prepared bulk query. */
export function writePage(
  schema: GraphQLSchema,
  prepared: PreparedBulkQuery,
  data: unknown,
  writer: JsonlWriter,
): void {
  const operation = selectOperation(prepared.document);
  const root = operation && rootTypeOf(schema, operation);
  if (!operation || !root || !isRecord(data)) return;
  const walker = walkerFor(schema, prepared, writer.groupObjects);
  const fields = collectFields(schema, root, [operation.selectionSet], walker.fragments, {});
  for (const [key, nodes] of fields) {
    const def = root.getFields()[nodes[0].name.value];
    const named = def ? getNamedType(def.type) : null;
    const value = data[key];
    const sets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
    if (!named || !isCompositeType(named) || !isRecord(value)) continue;
    if (isConnectionTypeName(schema, named.name)) {
      for (const { item, itemType, itemSets } of connectionItems(walker, value, named, sets)) {
        writer.writeRoot(nodeLines(walker, item, itemType, itemSets, null));
      }
    } else {
      writer.writeRoot(nodeLines(walker, value, named, sets, null));
    }
  }
}
