/**
 * The shape of a stored plan: what the merchant reviews before confirming, and what the apply
 * job works through. Plain JSON (stored in CollectionChange.summary / items).
 */
export type ChangeKind = "membership" | "create" | "undo";

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
    | "handleTaken";
  vars: Record<string, string | number>;
}

export interface CollectionDiff {
  id: string;
  title: string;
  adds: number;
  removes: number;
  before: number;
  after: number;
}

export interface PlanSummary {
  totals: { adds: number; removes: number; creates: number; collections: number };
  collections: CollectionDiff[];
  sample: { id: string; title: string }[];
  warnings: PlanWarning[];
  /** CSV create: rows that failed validation, with their reasons. */
  rowErrors?: { row: number; errors: string[] }[];
}

export interface PlannedItem {
  op: "add" | "remove" | "create" | "delete";
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
