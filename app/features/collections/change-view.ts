import type { CollectionChange, CollectionChangeItem, Task } from "@prisma/client";
import type { MessageKey, Vars } from "../../i18n";
import type { PlanSummary } from "./plan-types";

/** A change as its page shows it (plain JSON). Pure. */
export interface ChangeItemView {
  seq: number;
  op: string;
  collectionId: string | null;
  count: number;
  title: string | null;
  status: CollectionChangeItem["status"];
  error: string | null;
  failures: { id: string; reason: string }[];
}

export interface ChangeView {
  id: string;
  kind: string;
  status: CollectionChange["status"];
  summary: PlanSummary;
  totalUnits: number;
  doneUnits: number;
  failedUnits: number;
  createdBy: string | null;
  appliedBy: string | null;
  createdAt: string;
  finishedAt: string | null;
  undoOfId: string | null;
  undoneById: string | null;
  taskId: string | null;
  etaSeconds: number | null;
  items: ChangeItemView[];
  itemCounts: Partial<Record<CollectionChangeItem["status"], number>>;
}

export function toChangeView(
  change: CollectionChange,
  items: readonly CollectionChangeItem[],
  itemCounts: ChangeView["itemCounts"],
  task: Task | null,
): ChangeView {
  const summary = change.summary as unknown as PlanSummary;
  const titles = new Map(summary.collections.map((c) => [c.id, c.title]));
  const eta = /^eta:(\d+)$/.exec(task?.message ?? "");
  return {
    id: change.id,
    kind: change.kind,
    status: change.status,
    summary,
    totalUnits: change.totalUnits,
    doneUnits: change.doneUnits,
    failedUnits: change.failedUnits,
    createdBy: change.createdBy,
    appliedBy: change.appliedBy,
    createdAt: change.createdAt.toISOString(),
    finishedAt: change.finishedAt?.toISOString() ?? null,
    undoOfId: change.undoOfId,
    undoneById: change.undoneById,
    taskId: change.taskId,
    etaSeconds: eta && change.status === "APPLYING" ? Number(eta[1]) : null,
    itemCounts,
    items: items.map((item) => {
      const data = item.data as { title?: string } | null;
      return {
        seq: item.seq,
        op: item.op,
        collectionId: item.collectionId,
        count: item.productIds.length,
        title: data?.title ?? (item.collectionId ? (titles.get(item.collectionId) ?? null) : null),
        status: item.status,
        error: item.error,
        failures: (item.failures as ChangeItemView["failures"] | null) ?? [],
      };
    }),
  };
}

/** The one-line summary of a plan's totals (plan card and history), as a message and its variables. */
export function totalsMessage(
  summary: PlanSummary,
  n: (value: number) => string,
): { key: MessageKey; vars: Vars } {
  const { totals } = summary;
  if (totals.moves !== undefined) {
    return {
      key: "collections.change.totalsOrder",
      vars: { moves: n(totals.moves), collection: summary.collections[0]?.title ?? "" },
    };
  }
  if (totals.edits) {
    return {
      key: "collections.change.totalsEdit",
      vars: {
        conditions: n(totals.edits.conditions),
        sortOrders: n(totals.edits.sortOrders),
        publications: n(totals.edits.publications),
        collections: n(totals.collections),
      },
    };
  }
  if (totals.creates > 0) {
    return { key: "collections.change.totalsCreate", vars: { creates: n(totals.creates) } };
  }
  return {
    key: "collections.change.totals",
    vars: {
      adds: n(totals.adds),
      removes: n(totals.removes),
      collections: n(totals.collections),
    },
  };
}
