import { describe, expect, it } from "vitest";
import {
  conditionProblem,
  editFieldErrors,
  editInstructions,
  editRequestFromForm,
  editRequestSchema,
} from "./edit-request";

const C1 = "gid://shopify/Collection/1";
const WEB = "gid://shopify/Publication/1";

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("edit request", () => {
  it("GIVEN the form's rows, sort order and channels THEN they become instructions with Admin API inputs", () => {
    const parsed = editRequestSchema.parse(
      editRequestFromForm(
        form([
          ["collection", C1],
          ["condition.0.action", "add"],
          ["condition.0.side", "inclusion"],
          ["condition.0.column", "price"],
          ["condition.0.relation", ">"],
          ["condition.0.value", "499,50"],
          ["condition.1.action", "change"],
          ["condition.1.side", "exclusion"],
          ["condition.1.column", "vendor"],
          ["condition.1.relation", "="],
          ["condition.1.value", "Acme"],
          ["condition.1.toColumn", "vendor"],
          ["condition.1.toRelation", "contains"],
          ["condition.1.toValue", "Acme|Fjäll"],
          ["sortOrder", "PRICE_ASC"],
          [`channel.${WEB}`, "publish"],
        ]),
      ),
    );
    expect(editInstructions(parsed, "SEK")).toEqual({
      conditions: [
        {
          action: "add",
          side: "inclusion",
          condition: {
            variantPrice: {
              relation: "GREATER_THAN",
              value: { amount: "499.50", currencyCode: "SEK" },
            },
          },
        },
        {
          action: "change",
          side: "exclusion",
          condition: { productVendor: { matchType: "ANY", relation: "EQUALS", values: ["Acme"] } },
          to: {
            productVendor: { matchType: "ANY", relation: "CONTAINS", values: ["Acme", "Fjäll"] },
          },
        },
      ],
      sortOrder: "PRICE_ASC",
      publish: [WEB],
      unpublish: [],
    });
  });

  it("GIVEN rows a condition cannot take THEN each names its problem as a message key", () => {
    expect(conditionProblem("exclusion", "price", ">", "5")).toBe("collections.edit.error.column");
    expect(conditionProblem("exclusion", "tag", "!=", "rea")).toBe(
      "collections.edit.error.relation",
    );
    expect(conditionProblem("inclusion", "tag", "=", " | ")).toBe("collections.edit.error.value");
    expect(conditionProblem("inclusion", "inventory", ">", "2.5")).toBe(
      "collections.edit.error.wholeNumber",
    );
    expect(conditionProblem("inclusion", "price", "<", "tio")).toBe(
      "collections.edit.error.amount",
    );
    expect(conditionProblem("inclusion", "status", "=", "active|sold")).toBe(
      "collections.edit.error.status",
    );
    expect(conditionProblem("inclusion", "compare_at_price", "is set", "")).toBeNull();
  });

  it("GIVEN nothing to change, or a channel both published and unpublished THEN the request is refused", () => {
    const nothing = editRequestSchema.safeParse({
      collectionIds: [C1],
      conditions: [],
      sortOrder: null,
      publish: [],
      unpublish: [],
    });
    expect(nothing.success).toBe(false);
    expect(editFieldErrors(nothing.error!.issues)).toEqual({
      form: "collections.edit.error.nothing",
    });
    const both = editRequestSchema.safeParse({
      collectionIds: [C1],
      conditions: [{ action: "add", side: "inclusion", column: "tag", relation: "=", value: "" }],
      sortOrder: null,
      publish: [WEB],
      unpublish: [WEB],
    });
    expect(editFieldErrors(both.error!.issues)).toEqual({
      "conditions.0": "collections.edit.error.value",
      publish: "collections.edit.error.both",
    });
  });
});
