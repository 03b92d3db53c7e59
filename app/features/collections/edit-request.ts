import { z } from "zod";
import { CONDITION_COLUMNS, parseExclusionCondition, parseInclusionCondition } from "./conditions";
import type { ConditionInput } from "./edit-target";
import type { ConditionEdit, EditInstructions } from "./edit-plan";
import { collectionGid, MAX_COLLECTIONS_PER_CHANGE } from "./membership-request";

/**
 * What the merchant asks for on the edit page: condition edits as rows (column, relation, value —
 * the columns and relations of conditions.ts), a sort order, channels to publish on or take off.
 * Validation messages are message keys (collections.edit.error.*), translated by the page.
 */
export const SORT_ORDERS = [
  "ALPHA_ASC",
  "ALPHA_DESC",
  "BEST_SELLING",
  "CREATED",
  "CREATED_DESC",
  "MANUAL",
  "PRICE_ASC",
  "PRICE_DESC",
] as const;

const TEXT = ["=", "!=", "contains", "not contains", "starts with", "ends with"];
const NUMBER = ["=", "!=", ">", "<"];
/** Relations each column takes, per side (what the Admin API accepts for that condition kind). */
export const RELATIONS: Record<"inclusion" | "exclusion", Record<string, readonly string[]>> = {
  inclusion: {
    tag: ["=", "!="],
    title: TEXT,
    type: TEXT,
    vendor: TEXT,
    variant_title: TEXT,
    status: ["=", "!="],
    price: NUMBER,
    compare_at_price: [...NUMBER, "is set", "is not set"],
    inventory: ["=", ">", "<"],
  },
  exclusion: { tag: ["="], type: ["=", "contains"], vendor: ["=", "contains"] },
};

export const MAX_CONDITION_EDITS = 20;
const publicationGid = z
  .string()
  .regex(/^gid:\/\/shopify\/Publication\/\d+$/, "collections.edit.error.channel");

const conditionRow = z.object({
  action: z.enum(["add", "change", "remove"]),
  side: z.enum(["inclusion", "exclusion"]),
  column: z.string(),
  relation: z.string(),
  value: z.string().trim(),
  toColumn: z.string().optional(),
  toRelation: z.string().optional(),
  toValue: z.string().trim().optional(),
});
export type ConditionRow = z.infer<typeof conditionRow>;

const STATUSES = ["ACTIVE", "DRAFT", "ARCHIVED", "UNLISTED"];

/** Why a column/relation/value triple is not a condition (a message key), or null. */
export function conditionProblem(
  side: "inclusion" | "exclusion",
  column: string,
  relation: string,
  value: string,
): string | null {
  const relations = RELATIONS[side][column];
  if (!relations) return "collections.edit.error.column";
  if (!relations.includes(relation)) return "collections.edit.error.relation";
  if (relation === "is set" || relation === "is not set") return null;
  const values = value
    .split("|")
    .map((v) => v.trim())
    .filter(Boolean);
  if (values.length === 0) return "collections.edit.error.value";
  if (column === "inventory" && !/^-?\d+$/.test(value)) return "collections.edit.error.wholeNumber";
  if ((column === "price" || column === "compare_at_price") && !/^\d+([.,]\d{1,2})?$/.test(value)) {
    return "collections.edit.error.amount";
  }
  if (column === "status" && values.some((v) => !STATUSES.includes(v.toUpperCase()))) {
    return "collections.edit.error.status";
  }
  return null;
}

export const editRequestSchema = z
  .object({
    collectionIds: z
      .array(collectionGid)
      .min(1, "collections.edit.error.noCollections")
      .max(MAX_COLLECTIONS_PER_CHANGE)
      .transform((ids) => [...new Set(ids)]),
    conditions: z
      .array(conditionRow)
      .max(MAX_CONDITION_EDITS, "collections.edit.error.tooManyRows"),
    sortOrder: z.enum(SORT_ORDERS).nullable(),
    publish: z.array(publicationGid).transform((ids) => [...new Set(ids)]),
    unpublish: z.array(publicationGid).transform((ids) => [...new Set(ids)]),
  })
  .superRefine((request, ctx) => {
    request.conditions.forEach((row, index) => {
      const problem = conditionProblem(row.side, row.column, row.relation, row.value);
      if (problem) ctx.addIssue({ code: "custom", path: ["conditions", index], message: problem });
      if (row.action !== "change") return;
      const toProblem = conditionProblem(
        row.side,
        row.toColumn ?? "",
        row.toRelation ?? "",
        row.toValue ?? "",
      );
      if (toProblem) {
        ctx.addIssue({ code: "custom", path: ["conditions", index, "to"], message: toProblem });
      }
    });
    if (request.publish.some((id) => request.unpublish.includes(id))) {
      ctx.addIssue({ code: "custom", path: ["publish"], message: "collections.edit.error.both" });
    }
    const nothing =
      request.conditions.length === 0 &&
      !request.sortOrder &&
      request.publish.length === 0 &&
      request.unpublish.length === 0;
    if (nothing) {
      ctx.addIssue({ code: "custom", path: ["form"], message: "collections.edit.error.nothing" });
    }
  });

export type EditRequest = z.infer<typeof editRequestSchema>;

/** The edit form's fields as the request object (rows as condition.N.field). */
export function editRequestFromForm(form: FormData): unknown {
  const rows = new Map<string, Record<string, string>>();
  for (const [name, value] of form.entries()) {
    const match = /^condition\.(\d+)\.(\w+)$/.exec(name);
    if (!match) continue;
    const row = rows.get(match[1]!) ?? {};
    row[match[2]!] = String(value);
    rows.set(match[1]!, row);
  }
  const sortOrder = String(form.get("sortOrder") ?? "");
  const channels = (value: string) =>
    [...form.entries()]
      .filter(([name, v]) => name.startsWith("channel.") && v === value)
      .map(([name]) => name.slice("channel.".length));
  return {
    collectionIds: form.getAll("collection").map(String),
    conditions: [...rows.entries()].sort(([a], [b]) => Number(a) - Number(b)).map(([, row]) => row),
    sortOrder: sortOrder === "" ? null : sortOrder,
    publish: channels("publish"),
    unpublish: channels("unpublish"),
  };
}

/** A validated row as an Admin API condition input (prices in the shop's currency). */
function inputOf(
  side: "inclusion" | "exclusion",
  column: string,
  relation: string,
  value: string,
  currency: string,
): ConditionInput {
  const text = `${column} ${relation} ${value}`.trim();
  const parsed =
    side === "inclusion" ? parseInclusionCondition(text, currency) : parseExclusionCondition(text);
  // Rows are validated first (conditionProblem); a refusal here is a programming error.
  if (!parsed.ok) throw new Error(`condition “${text}” passed validation but not parsing`);
  return parsed.input as ConditionInput;
}

export function editInstructions(request: EditRequest, currency: string): EditInstructions {
  return {
    conditions: request.conditions.map((row): ConditionEdit => {
      const condition = inputOf(row.side, row.column, row.relation, row.value, currency);
      if (row.action !== "change") return { action: row.action, side: row.side, condition };
      const to = inputOf(
        row.side,
        row.toColumn ?? "",
        row.toRelation ?? "",
        row.toValue ?? "",
        currency,
      );
      return { action: "change", side: row.side, condition, to };
    }),
    sortOrder: request.sortOrder,
    publish: request.publish,
    unpublish: request.unpublish,
  };
}

/** Validation issues as { "conditions.0": key, "form": key }. */
export function editFieldErrors(issues: readonly { path: (string | number)[]; message: string }[]) {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.path.join(".") || "form"] ??= issue.message;
  return errors;
}

export { CONDITION_COLUMNS };
