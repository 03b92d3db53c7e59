import { GraphQLError } from "graphql";

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

export const MAX_PAGE_SIZE = 250;

export function encodeCursor(id: string): string {
  return Buffer.from(id, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): string {
  return Buffer.from(cursor, "base64url").toString("utf8");
}

/**
 * Relay pagination over an already filtered and sorted list, as the Admin API does: exactly one
 * of `first`/`last`, at most 250, cursors opaque (here: the node's id).
 */
export function paginate<T>(
  items: readonly T[],
  args: ConnectionArgs,
  idOf: (item: T) => string,
): Connection<T> {
  const { first, last, after, before } = args;
  if (first == null && last == null) {
    throw new GraphQLError("you must provide one of first or last", {
      extensions: { code: "BAD_REQUEST" },
    });
  }
  let start = 0;
  let end = items.length;
  if (after) {
    const id = decodeCursor(after);
    const index = items.findIndex((item) => idOf(item) === id);
    start = index === -1 ? end : index + 1;
  }
  if (before) {
    const id = decodeCursor(before);
    const index = items.findIndex((item) => idOf(item) === id);
    end = index === -1 ? end : Math.min(end, index);
  }
  let slice = items.slice(start, Math.max(start, end));
  let hasNextPage = end < items.length;
  let hasPreviousPage = start > 0;
  if (first != null) {
    hasNextPage = slice.length > first || hasNextPage;
    slice = slice.slice(0, first);
  }
  if (last != null) {
    hasPreviousPage = slice.length > last || hasPreviousPage;
    slice = slice.slice(Math.max(0, slice.length - last));
  }
  const edges = slice.map((node) => ({ cursor: encodeCursor(idOf(node)), node }));
  return {
    edges,
    nodes: slice,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
