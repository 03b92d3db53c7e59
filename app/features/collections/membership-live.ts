import type { ChosenProduct } from "./membership-plan";

/**
 * Pure parts of reading live data for a membership plan: which way to read it, and what a bulk
 * query's JSONL says (the chosen products and their memberships among the target collections).
 */

/**
 * Above this many product reads, a plan reads through a bulk query instead of paging. Paging
 * costs about one point per product read and the standard bucket holds 2,000 points: below this
 * a plan is read in about a second without waiting on the bucket; above it, paging would wait
 * for the bucket (10 collections × 5,000 products ≈ 9 minutes), while a bulk query runs outside
 * the bucket.
 */
export const PLAN_BULK_THRESHOLD_READS = 2_000;

export type PlanReadStrategy = "paged" | "bulk";

/** Paging reads the chosen products once, then once more per target collection. */
export function planReads(chosenProducts: number, targetCollections: number): number {
  return chosenProducts * (1 + targetCollections);
}

export function planReadStrategy(
  chosenProducts: number,
  targetCollections: number,
  thresholdReads = PLAN_BULK_THRESHOLD_READS,
): PlanReadStrategy {
  return planReads(chosenProducts, targetCollections) > thresholdReads ? "bulk" : "paged";
}

/** What a membership bulk query returned, gathered line by line (several files may add up). */
export class MembershipLines {
  private readonly byId = new Map<string, ChosenProduct>();
  private readonly members = new Map<string, Set<string>>();
  /** Lines that were neither a product nor a membership among the targets. */
  ignored = 0;

  constructor(targetIds: readonly string[]) {
    for (const id of targetIds) this.members.set(id, new Set());
  }

  /**
   * One JSONL line: a product (`id`, `title`, no `__parentId`) or one of its collections
   * (`id`, `__parentId`). Children need not follow their parent, so nothing assumes order.
   */
  add(line: string): void {
    const record = JSON.parse(line) as { id?: unknown; title?: unknown; __parentId?: unknown };
    if (typeof record.id !== "string") {
      this.ignored++;
      return;
    }
    if (typeof record.__parentId === "string") {
      const members = this.members.get(record.id);
      if (!members) {
        this.ignored++;
        return;
      }
      // Share the product's id string when it is already known (100,000s of ids per plan).
      members.add(this.byId.get(record.__parentId)?.id ?? record.__parentId);
      return;
    }
    if (!record.id.startsWith("gid://shopify/Product/")) {
      this.ignored++;
      return;
    }
    if (!this.byId.has(record.id)) {
      this.byId.set(record.id, {
        id: record.id,
        title: typeof record.title === "string" ? record.title : "",
      });
    }
  }

  get productCount(): number {
    return this.byId.size;
  }

  /** The chosen products, in the order the files listed them. */
  products(): ChosenProduct[] {
    return [...this.byId.values()];
  }

  /** Of the chosen products, those already in `collectionId` (any way). */
  membersOf(collectionId: string): ReadonlySet<string> {
    const members = this.members.get(collectionId) ?? new Set<string>();
    // A membership whose product line is missing (a product deleted mid-export) is not chosen.
    for (const id of members) if (!this.byId.has(id)) members.delete(id);
    return members;
  }
}
