/**
 * The shape of a stored plan: what the merchant reviews before confirming, and what the apply
 * job works through. Plain JSON (stored in CollectionChange.summary / items).
 */
export type ChangeKind = "membership" | "create" | "edit" | "order" | "undo";

/** A warning shown with the plan: a message key (collections.warning.*) and its variables. */
export interface PlanWarning {
  code:
    | "emptyAfter"
    | "alreadyMember"
    | "notMember"
    | "viaConditions"
    | "newSource"
    | "noProducts"
    | "deleted"
    | "skippedRows"
    | "handleTaken"
    | "conditionExists"
    | "conditionMissing"
    | "tooManyConditions"
    | "newConditionsSource"
    | "otherSources"
    | "nothingToExclude"
    | "sortUnchanged"
    | "alreadyPublished"
    | "notPublished"
    | "unpublishedEverywhere"
    // Kind "order" (order-plan.ts) and the order restore of a membership undo.
    | "notInCollection"
    | "positionOutOfRange"
    | "removedSince"
    | "addedSince"
    | "orderRestored";
  vars: Record<string, string | number>;
}

export interface CollectionDiff {
  id: string;
  title: string;
  adds: number;
  removes: number;
  before: number;
  after: number;
  /** Edits (kind "edit"): one line per condition, sort order or channel change. */
  edits?: EditLine[];
}

/** One line of an edit's per-collection diff (texts are conditions as "tag = rea"). */
export interface EditLine {
  kind:
    | "conditionAdd"
    | "conditionChange"
    | "conditionRemove"
    | "sortOrder"
    | "publish"
    | "unpublish"
    | "sourceDrop";
  side?: "inclusion" | "exclusion";
  from?: string;
  to?: string;
  channel?: string;
}

export interface PlanSummary {
  totals: {
    adds: number;
    removes: number;
    creates: number;
    collections: number;
    /** Kind "edit": condition, sort order and publication changes. */
    edits?: { conditions: number; sortOrders: number; publications: number };
    /** Kind "order": products moved. */
    moves?: number;
  };
  collections: CollectionDiff[];
  sample: { id: string; title: string }[];
  warnings: PlanWarning[];
  /** CSV create: rows that failed validation, with their reasons. */
  rowErrors?: { row: number; errors: string[] }[];
}

export interface PlannedItem {
  op: "add" | "remove" | "create" | "delete" | "edit" | "reorder" | "restoreOrder";
  collectionId: string | null;
  productIds: string[];
  data?: Record<string, unknown>;
}

export interface Plan {
  summary: PlanSummary;
  items: PlannedItem[];
  collectionIds: string[];
  totalUnits: number;
}

/** Largest array an Admin API input accepts (selectionsToAdd/Remove, moves...). */
export const MAX_INPUT_ARRAY = 250;

export function chunk<T>(values: readonly T[], size = MAX_INPUT_ARRAY): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < values.length; i += size) chunks.push(values.slice(i, i + size));
  return chunks;
}
