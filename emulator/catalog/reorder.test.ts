import { describe, expect, it } from "vitest";
import { applyMoves, positionsOfMembers } from "./reorder";

describe("applyMoves", () => {
  it("GIVEN [A,B,C,D,E] WHEN E→1 then C→4 THEN the result is [A,E,B,D,C]", () => {
    expect(
      applyMoves(
        ["A", "B", "C", "D", "E"],
        [
          { id: "E", newPosition: 1 },
          { id: "C", newPosition: 4 },
        ],
      ),
    ).toEqual(["A", "E", "B", "D", "C"]);
  });

  it("GIVEN a position past the end WHEN applied THEN the item is placed last", () => {
    expect(applyMoves(["A", "B", "C"], [{ id: "A", newPosition: 10 }])).toEqual(["B", "C", "A"]);
  });

  it("GIVEN two moves to the same position WHEN applied THEN the later one takes it", () => {
    expect(
      applyMoves(
        ["A", "B", "C"],
        [
          { id: "C", newPosition: 0 },
          { id: "B", newPosition: 0 },
        ],
      ),
    ).toEqual(["B", "C", "A"]);
  });
});

describe("positionsOfMembers", () => {
  it("GIVEN a product that left WHEN positions are kept for members THEN it has no position left", () => {
    expect(positionsOfMembers(["A", "B", "C"], new Set(["A", "C"]))).toEqual(["A", "C"]);
  });
});
