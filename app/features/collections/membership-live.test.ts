import { describe, expect, it } from "vitest";
import { MembershipLines, planReads, planReadStrategy } from "./membership-live";

const P = (n: number) => `gid://shopify/Product/${n}`;
const C = (n: number) => `gid://shopify/Collection/${n}`;

describe("planReadStrategy", () => {
  it("GIVEN few product reads THEN the plan pages; GIVEN more than the threshold THEN it exports", () => {
    expect(planReads(100, 10)).toBe(1_100);
    expect(planReadStrategy(100, 10)).toBe("paged");
    expect(planReadStrategy(200, 9)).toBe("paged"); // exactly 2,000 reads still fits the bucket
    expect(planReadStrategy(5_000, 10)).toBe("bulk");
    expect(planReadStrategy(3, 1, 5)).toBe("bulk");
  });
});

describe("MembershipLines", () => {
  it("GIVEN products and memberships in any order THEN members are grouped by target collection", () => {
    const lines = new MembershipLines([C(1), C(2)]);
    for (const record of [
      { id: P(1), title: "Tält" },
      { id: P(2), title: "Kåsa" },
      { id: C(1), __parentId: P(1) }, // child after the next parent (groupObjects: false)
      { id: C(2), __parentId: P(3) }, // child before its parent
      { id: P(3), title: "Yxa" },
      { id: C(1), __parentId: P(3) },
    ]) {
      lines.add(JSON.stringify(record));
    }
    expect(lines.products()).toEqual([
      { id: P(1), title: "Tält" },
      { id: P(2), title: "Kåsa" },
      { id: P(3), title: "Yxa" },
    ]);
    expect([...lines.membersOf(C(1))].sort()).toEqual([P(1), P(3)]);
    expect([...lines.membersOf(C(2))]).toEqual([P(3)]);
  });

  it("GIVEN a product listed twice (two exports) THEN it is chosen once", () => {
    const lines = new MembershipLines([C(1)]);
    lines.add(JSON.stringify({ id: P(1), title: "Tält" }));
    lines.add(JSON.stringify({ id: P(1), title: "Tält" }));
    expect(lines.productCount).toBe(1);
  });

  it("GIVEN a membership of a collection that is not a target, or of a product never listed THEN it is left out", () => {
    const lines = new MembershipLines([C(1)]);
    lines.add(JSON.stringify({ id: P(1), title: "Tält" }));
    lines.add(JSON.stringify({ id: C(9), __parentId: P(1) }));
    lines.add(JSON.stringify({ id: C(1), __parentId: P(2) }));
    lines.add(JSON.stringify({ title: "no id" }));
    expect([...lines.membersOf(C(1))]).toEqual([]);
    expect(lines.membersOf(C(9)).size).toBe(0);
    expect(lines.ignored).toBe(2);
  });

  it("GIVEN a line that is not JSON THEN reading fails loudly (a truncated file is not a plan)", () => {
    const lines = new MembershipLines([C(1)]);
    expect(() => lines.add('{"id":"gid://shopify/Product/1"')).toThrow(SyntaxError);
  });
});
