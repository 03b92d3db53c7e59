import type { GraphQLResolveInfo } from "graphql";
import type { EmulatorContext } from "../graphql/context";
import type { CompiledSearch, SearchWarning } from "./search-compile";

/** One `extensions.search` entry, as the Admin API reports a search with ignored filters. */
export interface SearchExtension {
  path: (string | number)[];
  query: string;
  parsed: unknown;
  warnings: SearchWarning[];
}

const pending = new WeakMap<EmulatorContext, SearchExtension[]>();

/** Notes the warnings of a search run by a resolver (nothing when there are none). */
export function recordSearchWarnings(
  ctx: EmulatorContext,
  info: Pick<GraphQLResolveInfo, "path">,
  query: string,
  search: CompiledSearch<unknown>,
): void {
  if (search.warnings.length === 0) return;
  const list = pending.get(ctx) ?? [];
  list.push({ path: pathOf(info.path), query, parsed: search.parsed, warnings: search.warnings });
  pending.set(ctx, list);
}

/**
 * Returns and forgets the search warnings recorded while executing with `ctx`. The HTTP layer
 * puts a non-empty result under the response's `extensions.search`.
 */
export function takeSearchExtensions(ctx: EmulatorContext): SearchExtension[] {
  const list = pending.get(ctx) ?? [];
  pending.delete(ctx);
  return list;
}

function pathOf(path: GraphQLResolveInfo["path"] | undefined): (string | number)[] {
  const keys: (string | number)[] = [];
  for (let at = path; at; at = at.prev) keys.unshift(at.key);
  return keys;
}
