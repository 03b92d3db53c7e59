import { describe, expect, it } from "vitest";
import { createTestHarness } from "../testing";

describe("executeAdmin", () => {
  it("GIVEN a field with no resolver WHEN queried THEN it fails loudly as not emulated", async () => {
    const { run } = createTestHarness({});
    const result = await run("{ shop { name } }");
    expect(result.errors?.[0]?.message).toBe("not emulated: QueryRoot.shop");
  });

  it("GIVEN a @oneOf input with two keys WHEN validated THEN it is rejected like the platform", async () => {
    const { run } = createTestHarness({});
    const result = await run(
      `{ collectionByIdentifier(identifier: { id: "gid://shopify/Collection/1", handle: "x" }) { id } }`,
    );
    expect(result.errors?.[0]?.message).toMatch(/must specify exactly one key/);
  });
});
