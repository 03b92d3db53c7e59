import { MAX_CONDITIONS } from "./conditions";
import {
  conditionKey,
  conditionText,
  type ConditionInput,
  type ConditionSide,
  type EditTarget,
} from "./edit-target";
import type { CollectionDiff, EditLine, Plan, PlanWarning } from "./plan-types";

/**
 * Bulk edits of collections — conditions (inclusion and exclusion), sort order, publication per
 * sales channel — planned against live state. The same resolution runs again right before each
 * write, against the state read then, so a re-sent item only sends what is not yet in effect.
 * Pure.
 */
export interface ConditionEdit {
  action: "add" | "change" | "remove";
  side: ConditionSide;
  /** add: the condition to add; change/remove: the condition to find. */
  condition: ConditionInput;
  /** change: what it becomes. */
  to?: ConditionInput;
}

export interface EditInstructions {
  conditions: ConditionEdit[];
  sortOrder: string | null;
  publish: string[];
  unpublish: string[];
  /** Undo of a change that created the source: delete it once it holds nothing any more. */
  dropEmptySource?: boolean;
}

/** A condition edit that is not in effect yet, with the live condition it acts on. */
export interface ResolvedCondition {
  action: "add" | "change" | "remove";
  side: ConditionSide;
  /** The live condition (change/remove): its id and exact input, so undo can restore it. */
  existing?: { id: string; input: ConditionInput };
  /** add: the new condition; change: what it becomes. */
  input?: ConditionInput;
}

export interface Resolution {
  conditions: ResolvedCondition[];
  sortOrder: { from: string; to: string } | null;
  publish: string[];
  unpublish: string[];
  /** The collection has no conditions source: one is created for the added conditions. */
  createsSource: boolean;
  dropSource: boolean;
  /** Edits already in effect (add) or with nothing to act on (change/remove). */
  skipped: { code: "conditionExists" | "conditionMissing"; side: ConditionSide; text: string }[];
  /** Exclusions asked for on a collection without a conditions source (nothing to exclude from). */
  noSourceForExclusion: number;
  /** Conditions on the source afterwards (inclusion + exclusion). */
  conditionsAfter: number;
  inclusionAfter: number;
}

export const CONDITIONS_SOURCE_TITLE = "Conditions";

export function resolveEdit(target: EditTarget, edit: EditInstructions): Resolution {
  const source = target.source;
  const live = {
    inclusion: [...(source?.inclusion ?? [])],
    exclusion: [...(source?.exclusion ?? [])],
  };
  const find = (side: ConditionSide, input: ConditionInput) => {
    const key = conditionKey(input);
    return live[side].find((c) => c.input && conditionKey(c.input) === key);
  };
  const resolution: Resolution = {
    conditions: [],
    sortOrder: null,
    publish: [],
    unpublish: [],
    createsSource: false,
    dropSource: false,
    skipped: [],
    noSourceForExclusion: 0,
    conditionsAfter: 0,
    inclusionAfter: 0,
  };
  for (const wanted of edit.conditions) {
    const { action, side, condition } = wanted;
    const existing = find(side, condition);
    if (action === "add") {
      if (existing) {
        resolution.skipped.push({ code: "conditionExists", side, text: conditionText(condition) });
      } else if (!source && side === "exclusion") {
        resolution.noSourceForExclusion++;
      } else {
        resolution.conditions.push({ action, side, input: condition });
        live[side].push({ id: "", input: condition });
        if (!source) resolution.createsSource = true;
      }
      continue;
    }
    const changedTo = action === "change" ? wanted.to : undefined;
    const alreadyThere = changedTo ? find(side, changedTo) : undefined;
    if (!existing?.input || alreadyThere) {
      // Nothing to act on — or, for a change, the new condition is already there.
      resolution.skipped.push({
        code: alreadyThere ? "conditionExists" : "conditionMissing",
        side,
        text: conditionText(alreadyThere && changedTo ? changedTo : condition),
      });
      continue;
    }
    const ref = { id: existing.id, input: existing.input };
    if (action === "remove") {
      resolution.conditions.push({ action, side, existing: ref });
      live[side] = live[side].filter((c) => c !== existing);
    } else if (changedTo) {
      resolution.conditions.push({ action, side, existing: ref, input: changedTo });
      live[side] = live[side].map((c) => (c === existing ? { id: c.id, input: changedTo } : c));
    }
  }
  if (edit.sortOrder && edit.sortOrder !== target.sortOrder) {
    resolution.sortOrder = { from: target.sortOrder, to: edit.sortOrder };
  }
  const published = new Set(target.publicationIds);
  resolution.publish = [...new Set(edit.publish)].filter((id) => !published.has(id));
  resolution.unpublish = [...new Set(edit.unpublish)].filter((id) => published.has(id));
  resolution.inclusionAfter = live.inclusion.length;
  resolution.conditionsAfter = live.inclusion.length + live.exclusion.length;
  resolution.dropSource =
    Boolean(edit.dropEmptySource) &&
    source !== null &&
    resolution.conditionsAfter === 0 &&
    !source.hasSelections;
  return resolution;
}

export function hasWrites(resolution: Resolution): boolean {
  return (
    resolution.conditions.length > 0 ||
    resolution.sortOrder !== null ||
    resolution.publish.length > 0 ||
    resolution.unpublish.length > 0 ||
    resolution.dropSource
  );
}

/** The `collectionUpdate(collection:)` input for the conditions and sort order; null = no call. */
export function collectionUpdateInput(
  target: EditTarget,
  resolution: Resolution,
): Record<string, unknown> | null {
  const input: Record<string, unknown> = { id: target.id };
  if (resolution.sortOrder) input.sortOrder = resolution.sortOrder.to;
  const conditions = resolution.conditions;
  if (resolution.dropSource && target.source) {
    input.sourcesToDelete = [target.source.id];
  } else if (conditions.length > 0 && resolution.createsSource) {
    input.sourcesToCreate = [
      {
        source: {
          title: CONDITIONS_SOURCE_TITLE,
          inclusion: {
            matchType: "ALL",
            conditions: conditions.filter((c) => c.side === "inclusion").map((c) => c.input),
          },
        },
      },
    ];
  } else if (conditions.length > 0 && target.source) {
    const side = (name: ConditionSide) => {
      const mine = conditions.filter((c) => c.side === name);
      if (mine.length === 0) return undefined;
      // A condition's kind cannot change in place: a change of kind is a delete and a create.
      const sameKind = (c: ResolvedCondition) =>
        c.action === "change" &&
        Object.keys(c.existing!.input)[0] === Object.keys(c.input ?? {})[0];
      const toDelete = mine.filter((c) => c.action === "remove" || (c.existing && !sameKind(c)));
      const toCreate = mine.filter(
        (c) => c.action === "add" || (c.existing && !sameKind(c) && c.action === "change"),
      );
      const toUpdate = mine.filter(sameKind);
      return {
        ...(toDelete.length ? { conditionsToDelete: toDelete.map((c) => c.existing!.id) } : {}),
        ...(toUpdate.length
          ? {
              conditionsToUpdate: toUpdate.map((c) => ({ id: c.existing!.id, condition: c.input })),
            }
          : {}),
        ...(toCreate.length ? { conditionsToCreate: toCreate.map((c) => c.input) } : {}),
      };
    };
    const inclusion = side("inclusion");
    const exclusion = side("exclusion");
    input.sourcesToUpdate = [
      {
        condition: {
          id: target.source.id,
          ...(inclusion ? { inclusion } : {}),
          ...(exclusion ? { exclusion } : {}),
        },
      },
    ];
  }
  return Object.keys(input).length > 1 ? input : null;
}

/** Plan lines for one collection (what the per-collection diff shows). */
function editLines(resolution: Resolution, channels: ReadonlyMap<string, string>): EditLine[] {
  const lines: EditLine[] = resolution.conditions.map((c) => ({
    kind:
      c.action === "add"
        ? "conditionAdd"
        : c.action === "remove"
          ? "conditionRemove"
          : "conditionChange",
    side: c.side,
    ...(c.existing ? { from: conditionText(c.existing.input) } : {}),
    ...(c.input ? { to: conditionText(c.input) } : {}),
  }));
  if (resolution.sortOrder) lines.push({ kind: "sortOrder", ...resolution.sortOrder });
  for (const id of resolution.publish) {
    lines.push({ kind: "publish", channel: channels.get(id) ?? id });
  }
  for (const id of resolution.unpublish) {
    lines.push({ kind: "unpublish", channel: channels.get(id) ?? id });
  }
  if (resolution.dropSource) lines.push({ kind: "sourceDrop" });
  return lines;
}

export interface EditTargetPlan {
  target: EditTarget;
  edit: EditInstructions;
}

/** Data stored on an "edit" item: what to do, and once applied, what was there and what changed. */
export interface EditItemData {
  title: string;
  edit: EditInstructions;
  /** The live state read before the first write (the snapshot undo restores from). */
  before?: EditTarget;
  /** What the first write set out to change (undo reverses exactly this). */
  applied?: Resolution;
}

/**
 * Plans one item per collection that has something to change. `channels` names the store's
 * publications (for the plan's text).
 */
export function planEdit(
  targets: readonly EditTargetPlan[],
  channels: ReadonlyMap<string, string>,
): Plan {
  const warnings: PlanWarning[] = [];
  const diffs: CollectionDiff[] = [];
  const items: Plan["items"] = [];
  const totals = { conditions: 0, sortOrders: 0, publications: 0 };
  let sortUnchanged = 0;
  for (const { target, edit } of targets) {
    const collection = target.title;
    const resolution = resolveEdit(target, edit);
    for (const skip of resolution.skipped) {
      warnings.push({ code: skip.code, vars: { collection, condition: skip.text } });
    }
    if (resolution.noSourceForExclusion > 0) {
      warnings.push({ code: "nothingToExclude", vars: { collection } });
    }
    if (resolution.conditionsAfter > MAX_CONDITIONS) {
      warnings.push({
        code: "tooManyConditions",
        vars: { collection, count: resolution.conditionsAfter, max: MAX_CONDITIONS },
      });
      continue; // Shopify would refuse the whole call: nothing is planned for it.
    }
    const touchesConditions = resolution.conditions.length > 0;
    if (touchesConditions && resolution.createsSource) {
      warnings.push({ code: "newConditionsSource", vars: { collection } });
    }
    if (touchesConditions && target.source && target.otherConditionsSources > 0) {
      warnings.push({ code: "otherSources", vars: { collection, source: target.source.title } });
    }
    const hadInclusions = (target.source?.inclusion.length ?? 0) > 0;
    if (
      touchesConditions &&
      hadInclusions &&
      resolution.inclusionAfter === 0 &&
      !target.source?.hasSelections &&
      target.otherConditionsSources === 0 &&
      target.subCollectionSources === 0
    ) {
      warnings.push({ code: "emptyAfter", vars: { collection } });
    }
    if (edit.sortOrder && !resolution.sortOrder) sortUnchanged++;
    for (const id of edit.publish.filter((p) => !resolution.publish.includes(p))) {
      warnings.push({
        code: "alreadyPublished",
        vars: { collection, channel: channels.get(id) ?? id },
      });
    }
    for (const id of edit.unpublish.filter((p) => !resolution.unpublish.includes(p))) {
      warnings.push({
        code: "notPublished",
        vars: { collection, channel: channels.get(id) ?? id },
      });
    }
    const remaining = target.publicationIds.filter(
      (id) => !resolution.unpublish.includes(id),
    ).length;
    if (resolution.unpublish.length > 0 && remaining + resolution.publish.length === 0) {
      warnings.push({ code: "unpublishedEverywhere", vars: { collection } });
    }
    if (!hasWrites(resolution)) continue;
    totals.conditions += resolution.conditions.length;
    totals.sortOrders += resolution.sortOrder ? 1 : 0;
    totals.publications += resolution.publish.length + resolution.unpublish.length;
    diffs.push({
      id: target.id,
      title: target.title,
      adds: 0,
      removes: 0,
      before: target.productsCount,
      after: target.productsCount,
      edits: editLines(resolution, channels),
    });
    // The item carries the edits still to make; the executor resolves them again before writing.
    const data: EditItemData = {
      title: target.title,
      edit: {
        conditions: edit.conditions,
        sortOrder: resolution.sortOrder ? edit.sortOrder : null,
        publish: resolution.publish,
        unpublish: resolution.unpublish,
        ...(edit.dropEmptySource ? { dropEmptySource: true } : {}),
      },
    };
    items.push({
      op: "edit",
      collectionId: target.id,
      productIds: [],
      data: data as unknown as Record<string, unknown>,
    });
  }
  if (sortUnchanged > 0) warnings.push({ code: "sortUnchanged", vars: { count: sortUnchanged } });
  return {
    summary: {
      totals: { adds: 0, removes: 0, creates: 0, collections: diffs.length, edits: totals },
      collections: diffs,
      sample: [],
      warnings,
    },
    items,
    collectionIds: items.map((item) => item.collectionId!),
    totalUnits: items.length,
  };
}
