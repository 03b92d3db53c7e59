import { describe, expect, it } from "vitest";
import { jsonlLines } from "./jsonl";

async function collect(chunks: (Uint8Array | string)[]): Promise<string[]> {
  const lines: string[] = [];
  async function* source() {
    for (const chunk of chunks) yield chunk;
  }
  for await (const line of jsonlLines(source())) lines.push(line);
  return lines;
}

describe("jsonlLines", () => {
  it("GIVEN lines split across chunks THEN each line comes out whole, blank lines skipped", async () => {
    expect(await collect(['{"a":1}\n{"b"', ':2}\n\n{"c":', "3}"])).toEqual([
      '{"a":1}',
      '{"b":2}',
      '{"c":3}',
    ]);
  });

  it("GIVEN a multi-byte character split between two byte chunks THEN it is decoded intact", async () => {
    const bytes = new TextEncoder().encode('{"title":"Fjällräv"}\n');
    const cut = bytes.indexOf(0xc3) + 1; // inside the two bytes of "ä"
    expect(await collect([bytes.slice(0, cut), bytes.slice(cut)])).toEqual([
      '{"title":"Fjällräv"}',
    ]);
  });

  it("GIVEN an empty stream or only newlines THEN there are no lines", async () => {
    expect(await collect([])).toEqual([]);
    expect(await collect(["\n", "\r\n"])).toEqual([]);
  });
});
