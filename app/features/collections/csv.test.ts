import { describe, expect, it } from "vitest";
import { detectDelimiter, neutraliseCell, parseCsv, restoreCell, writeCsv } from "./csv";

describe("parseCsv", () => {
  it("GIVEN a BOM and semicolons (Swedish Excel) THEN cells split on semicolons without the BOM", () => {
    expect(parseCsv("\ufefftitle;handle\r\nJackor;jackor\r\n")).toEqual([
      ["title", "handle"],
      ["Jackor", "jackor"],
    ]);
  });

  it("GIVEN commas THEN cells split on commas", () => {
    expect(parseCsv("title,handle\nA,a")).toEqual([
      ["title", "handle"],
      ["A", "a"],
    ]);
  });

  it("GIVEN quoted cells with separators, escaped quotes and line breaks THEN they stay one cell", () => {
    expect(parseCsv('a,b\n"x, ""y""","line1\nline2"\n')).toEqual([
      ["a", "b"],
      ['x, "y"', "line1\nline2"],
    ]);
  });

  it("GIVEN a header with more commas than semicolons inside quotes THEN quoted ones do not count", () => {
    expect(detectDelimiter('"a,b,c";d;e\n')).toBe(";");
  });
});

describe("formula neutralisation", () => {
  it.each(["=SUM(A1)", "+1", "-2", "@cmd"])(
    "GIVEN %s THEN it is exported with a leading apostrophe and restored on import",
    (value) => {
      expect(neutraliseCell(value)).toBe(`'${value}`);
      expect(restoreCell(neutraliseCell(value))).toBe(value);
    },
  );

  it("GIVEN an ordinary apostrophe THEN import keeps it", () => {
    expect(restoreCell("'t is")).toBe("'t is");
  });

  it("GIVEN rows THEN writeCsv round-trips through parseCsv", () => {
    const rows = [
      ["title", "description"],
      ["Rea; höst", 'Säg "hej"\nrad två'],
    ];
    const parsed = parseCsv(writeCsv(rows, ";")).map((row) => row.map(restoreCell));
    expect(parsed).toEqual(rows);
  });
});
