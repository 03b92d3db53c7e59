import type { CollectionDiff, Plan, PlanWarning } from "./plan-types";
import { chunk } from "./plan-types";

/**
 * The inverse of an applied change, from what it actually did (its DONE items minus the products
 * that failed) and what still exists. Pure.
 */
export interface AppliedItem {
  op: string;
  collectionId: string | null;
  productIds: readonly string[];
  failedIds: ReadonlySet<string>;
}

export interface LiveCollection {
  id: string;
  title: string;
  productsCount: number;
}

export function planUndoOf(
  items: readonly AppliedItem[],
  live: ReadonlyMap<string, LiveCollection | null>,
  titles: ReadonlyMap<string, string>,
): Plan {
  const warnings: PlanWarning[] = [];
  const perCollection = new Map<string, { adds: string[]; removes: string[] }>();
  const deletes: string[] = [];
  const missing = new Set<string>();
  for (const item of items) {
    const id = item.collectionId;
    if (!id) continue;
    if (!live.get(id)) {
      missing.add(id);
      continue;
    }
    if (item.op === "create") {
      deletes.push(id);
      continue;
    }
    const entry = perCollection.get(id) ?? { adds: [], removes: [] };
    perCollection.set(id, entry);
    const applied = item.productIds.filter((p) => !item.failedIds.has(p));
    if (item.op === "add") entry.removes.push(...applied);
    else if (item.op === "remove") entry.adds.push(...applied);
  }
  for (const id of missing) {
    warnings.push({ code: "deleted", vars: { collection: titles.get(id) ?? id } });
  }
  const planItems: Plan["items"] = [];
  const diffs: CollectionDiff[] = [];
  for (const [id, entry] of perCollection) {
    const collection = live.get(id)!;
    for (const productIds of chunk(entry.removes)) {
      planItems.push({ op: "remove", collectionId: id, productIds });
    }
    for (const productIds of chunk(entry.adds)) {
      planItems.push({ op: "add", collectionId: id, productIds });
    }
    diffs.push({
      id,
      title: collection.title,
      adds: entry.adds.length,
      removes: entry.removes.length,
      before: collection.productsCount,
      after: Math.max(0, collection.productsCount + entry.adds.length - entry.removes.length),
    });
  }
  for (const id of deletes) {
    planItems.push({ op: "delete", collectionId: id, productIds: [] });
    const collection = live.get(id)!;
    diffs.push({
      id,
      title: collection.title,
      adds: 0,
      removes: 0,
      before: collection.productsCount,
      after: 0,
    });
  }
  const adds = diffs.reduce((sum, d) => sum + d.adds, 0);
  const removes = diffs.reduce((sum, d) => sum + d.removes, 0);
  return {
    summary: {
      totals: { adds, removes, creates: 0, collections: diffs.length },
      collections: diffs,
      sample: [],
      warnings,
    },
    items: planItems,
    collectionIds: [...perCollection.keys(), ...deletes],
    totalUnits: adds + removes + deletes.length,
  };
}
