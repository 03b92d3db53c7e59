import type { EditTarget } from "./edit-target";
import {
  planEdit,
  type ConditionEdit,
  type EditInstructions,
  type EditTargetPlan,
  type Resolution,
} from "./edit-plan";
import type { Plan, PlanWarning } from "./plan-types";

/**
 * The undo of an applied edit: the inverse of what each collection's first write set out to
 * change (added conditions removed, removed ones re-created exactly as they were read, changed
 * ones changed back, sort order and channels restored), planned against live state like any edit.
 * Collections deleted meanwhile cannot be restored and say so. Pure.
 */
export function inverseOf(applied: Resolution): EditInstructions {
  return {
    conditions: [...applied.conditions].reverse().flatMap((c): ConditionEdit[] => {
      if (c.action === "add" && c.input) {
        return [{ action: "remove", side: c.side, condition: c.input }];
      }
      if (c.action === "remove" && c.existing) {
        return [{ action: "add", side: c.side, condition: c.existing.input }];
      }
      if (c.action === "change" && c.existing && c.input) {
        return [{ action: "change", side: c.side, condition: c.input, to: c.existing.input }];
      }
      return [];
    }),
    sortOrder: applied.sortOrder?.from ?? null,
    publish: applied.unpublish,
    unpublish: applied.publish,
    ...(applied.createsSource ? { dropEmptySource: true } : {}),
  };
}

export interface AppliedEdit {
  collectionId: string;
  title: string;
  applied: Resolution;
}

export function planEditUndo(
  edits: readonly AppliedEdit[],
  live: ReadonlyMap<string, EditTarget | null>,
  channels: ReadonlyMap<string, string>,
): Plan {
  const deleted: PlanWarning[] = [];
  const targets: EditTargetPlan[] = [];
  for (const edit of edits) {
    const target = live.get(edit.collectionId);
    if (!target) deleted.push({ code: "deleted", vars: { collection: edit.title } });
    else targets.push({ target, edit: inverseOf(edit.applied) });
  }
  const plan = planEdit(targets, channels);
  plan.summary.warnings.unshift(...deleted);
  return plan;
}
