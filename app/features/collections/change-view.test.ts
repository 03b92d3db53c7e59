import { describe, expect, it } from "vitest";
import { totalsMessage } from "./change-view";
import type { PlanSummary } from "./plan-types";

const n = (value: number) => `#${value}`;

function summary(totals: Partial<PlanSummary["totals"]>): PlanSummary {
  return {
    totals: { adds: 0, removes: 0, creates: 0, collections: 2, ...totals },
    collections: [
      {
        id: "gid://shopify/Collection/1",
        title: "Vinter",
        adds: 0,
        removes: 0,
        before: 5,
        after: 5,
      },
    ],
    sample: [],
    warnings: [],
  };
}

describe("totalsMessage", () => {
  it("describes each kind of plan by its own totals", () => {
    expect(totalsMessage(summary({ adds: 3, removes: 1 }), n)).toEqual({
      key: "collections.change.totals",
      vars: { adds: "#3", removes: "#1", collections: "#2" },
    });
    expect(totalsMessage(summary({ creates: 4 }), n)).toEqual({
      key: "collections.change.totalsCreate",
      vars: { creates: "#4" },
    });
    expect(totalsMessage(summary({ moves: 7 }), n)).toEqual({
      key: "collections.change.totalsOrder",
      vars: { moves: "#7", collection: "Vinter" },
    });
    expect(
      totalsMessage(summary({ edits: { conditions: 2, sortOrders: 1, publications: 0 } }), n),
    ).toEqual({
      key: "collections.change.totalsEdit",
      vars: { conditions: "#2", sortOrders: "#1", publications: "#0", collections: "#2" },
    });
  });
});
