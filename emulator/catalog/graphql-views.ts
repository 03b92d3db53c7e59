import { GraphQLError } from "graphql";
import type { EmulatorContext } from "../graphql/context";
import type { ConnectionArgs } from "../graphql/connection";
import type { Collection, Decimal, Gid, Product, ShopState, Variant } from "../store/types";
import { numericId } from "./search-match";

/** Small shared pieces for the catalog resolvers: argument narrowing and plain output objects. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

export function isProduct(value: unknown): value is Product {
  return isRecord(value) && typeof value.id === "string" && Array.isArray(value.variants);
}

export function isCollection(value: unknown): value is Collection {
  return isRecord(value) && typeof value.id === "string" && Array.isArray(value.sources);
}

export function isVariant(value: unknown): value is Variant {
  return (
    isRecord(value) &&
    typeof value.id === "string" &&
    typeof value.price === "string" &&
    "inventoryQuantity" in value
  );
}

/** The parent object of a field, or a loud emulator bug when it has another shape. */
export function expectSource<T>(source: unknown, guard: (v: unknown) => v is T, type: string): T {
  if (!guard(source)) throw new GraphQLError(`emulator bug: ${type} field on an unexpected object`);
  return source;
}

export function stringArg(args: Record<string, unknown>, name: string): string | null {
  const value = args[name];
  return typeof value === "string" ? value : null;
}

export function connectionArgs(args: Record<string, unknown>): ConnectionArgs {
  const int = (name: string): number | null => {
    const value = args[name];
    return typeof value === "number" ? value : null;
  };
  return {
    first: int("first"),
    last: int("last"),
    after: stringArg(args, "after"),
    before: stringArg(args, "before"),
  };
}

/** `legacyResourceId` (UnsignedInt64, serialized as a string). */
export function legacyResourceId(gid: Gid): string {
  return String(numericId(gid));
}

export function money(shop: ShopState, amount: Decimal) {
  return { amount, currencyCode: shop.currencyCode };
}

export function exactCount(count: number) {
  return { count, precision: "EXACT" as const };
}

/**
 * A `*Count(limit:)` result: counting stops at `limit` (null = no limit) and reports AT_LEAST
 * when more exist.
 */
export function limitedCount(total: number, limit: number | null) {
  if (limit !== null && total > limit) {
    return { count: Math.max(0, limit), precision: "AT_LEAST" as const };
  }
  return exactCount(total);
}

/** Counts matches, stopping once `limit` is exceeded (so large shops stay cheap). */
export function countMatching<T>(
  items: Iterable<T>,
  matches: (item: T) => boolean,
  limit: number | null,
) {
  let total = 0;
  for (const item of items) {
    if (!matches(item)) continue;
    total++;
    if (limit !== null && total > limit) break;
  }
  return limitedCount(total, limit);
}

export function limitArg(args: Record<string, unknown>): number | null {
  return typeof args.limit === "number" ? args.limit : null;
}

/** The `Shop!` object of mutation payloads (other shop fields resolve through their owners). */
export function shopView(shop: ShopState) {
  return {
    __typename: "Shop",
    id: shop.id,
    name: shop.name,
    email: shop.email,
    currencyCode: shop.currencyCode,
    ianaTimezone: shop.ianaTimezone,
    myshopifyDomain: shop.domain,
  };
}

/** A `Job` as mutation payloads return it; `query` resolves only once the job is done. */
export function jobView(ctx: EmulatorContext, id: Gid) {
  const job = ctx.shop.jobs.get(id);
  const done = job ? Date.parse(job.doneAt) <= ctx.clock.now().getTime() : true;
  return { ...job, id, done, query: done ? {} : null };
}

export function typed<T extends object>(typename: string, value: T): T & { __typename: string } {
  return { ...value, __typename: typename };
}

/** HTML to the single-line plain text of `description(truncateAt:)`. */
export function plainText(html: string, truncateAt: number | null): string {
  const text = html
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
  if (truncateAt === null || text.length <= truncateAt) return text;
  return `${text.slice(0, Math.max(0, truncateAt - 1)).trimEnd()}…`;
}

export function failNotEmulated(what: string): never {
  throw new GraphQLError(`not emulated: ${what}`, { extensions: { code: "NOT_EMULATED" } });
}
