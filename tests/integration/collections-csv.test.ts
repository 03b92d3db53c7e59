import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../app/features/collections/csv";
import {
  action as changeAction,
  loader as changeLoader,
} from "../../app/routes/app.collections.changes.$id";
import { loader as exportLoader } from "../../app/routes/app.collections.export";
import { action as importAction } from "../../app/routes/app.collections.import";
import { loader as listLoader } from "../../app/routes/app.collections._index";
import type { Emulator } from "../../emulator/server";
import { startInProcessEmulator } from "../support/emulator";
import { runQueuedJobs } from "../support/jobs";
import { adminRequest, installShop } from "../support/sessions";

const SHOP = "csv-shop.myshopify.com";
let emulator: Emulator;

const CSV = [
  "\ufefftitle;handle;description;sort_order;published;conditions_match;condition_1;exclude_1",
  "=Vinterrea;vinterrea-e2e;Varma fynd;price-asc;ja;all;tag = rea;vendor = Fjällvik",
  "Ullplagg;;;;nej;;tag = ull;",
  ";utan-titel;;;;;;",
  "Fel relation;;;;;;tag contains rea;",
].join("\r\n");

beforeAll(async () => {
  emulator = startInProcessEmulator();
  const shop = emulator.createShop({ domain: SHOP, seed: "demo" });
  await installShop(SHOP, shop.app.accessToken);
});

afterAll(async () => {
  await emulator.close();
});

const form = (fields: Record<string, string>) => {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  return body;
};

async function importCsv(csv: string) {
  return importAction({
    request: await adminRequest(SHOP, "/app/collections/import", {
      method: "POST",
      body: form({ csv }),
    }),
    params: {},
    context: {},
  });
}

function byHandle(handle: string) {
  return [...emulator.shops.get(SHOP)!.collections.values()].find((c) => c.handle === handle);
}

let changeId = "";

describe("bulk create from CSV and export", () => {
  it("GIVEN a semicolon CSV with bad rows WHEN imported THEN a plan is stored for the valid rows with the row errors", async () => {
    const response = (await importCsv(CSV)) as Response;
    expect(response.status).toBe(302);
    changeId = response.headers.get("Location")!.split("/").pop()!;
    const { change } = await changeLoader({
      request: await adminRequest(SHOP, `/app/collections/changes/${changeId}`),
      params: { id: changeId },
      context: {},
    });
    expect(change.status).toBe("PLANNED");
    expect(change.summary.totals.creates).toBe(2);
    expect(change.summary.rowErrors).toEqual([
      { row: 4, errors: ["title is missing"] },
      { row: 5, errors: ["condition_1: unknown relation “contains” for tag"] },
    ]);
    expect(byHandle("vinterrea-e2e")).toBeUndefined();
  });

  it("GIVEN the plan WHEN applied THEN the collections exist with their conditions and only the published one is on a channel", async () => {
    const response = (await changeAction({
      request: await adminRequest(SHOP, `/app/collections/changes/${changeId}`, {
        method: "POST",
        body: form({ intent: "apply" }),
      }),
      params: { id: changeId },
      context: {},
    })) as Response;
    expect(response.status).toBe(200);
    await runQueuedJobs();
    const winter = byHandle("vinterrea-e2e")!;
    expect(winter.title).toBe("=Vinterrea");
    expect(winter.sortOrder).toBe("PRICE_ASC");
    const source = winter.sources[0]!;
    expect(source.kind === "conditions" && source.inclusion.conditions).toHaveLength(1);
    expect(source.kind === "conditions" && source.exclusion?.conditions).toHaveLength(1);
    expect(winter.publicationIds.length).toBeGreaterThan(0);
    expect(byHandle("ullplagg")!.publicationIds).toEqual([]);
  });

  it("GIVEN the created collections WHEN exported THEN formulas are neutralised and conditions are written back as text", async () => {
    const winter = byHandle("vinterrea-e2e")!;
    const response = (await exportLoader({
      request: await adminRequest(
        SHOP,
        `/app/collections/export?collection=${encodeURIComponent(winter.id)}`,
      ),
      params: {},
      context: {},
    })) as Response;
    expect(response.headers.get("Content-Type")).toContain("text/csv");
    const [header, row] = parseCsv(await response.text());
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell("title")).toBe("'=Vinterrea");
    expect(cell("handle")).toBe("vinterrea-e2e");
    expect(cell("condition_1")).toBe("tag = rea");
    expect(cell("exclude_1")).toBe("vendor = Fjällvik");
    expect(cell("published")).toBe("yes");
  });

  it("GIVEN the export WHEN imported again into the same store THEN every row is refused because its handle is taken", async () => {
    const exported = await (
      (await exportLoader({
        request: await adminRequest(
          SHOP,
          `/app/collections/export?collection=${encodeURIComponent(byHandle("vinterrea-e2e")!.id)}`,
        ),
        params: {},
        context: {},
      })) as Response
    ).text();
    const response = (await importCsv(exported)) as Response;
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      rowErrors: [{ row: 2, errors: ["handle “vinterrea-e2e” is already in use"] }],
    });
  });

  it("GIVEN the list WHEN searched by title THEN it finds the created collection and counts the store's collections", async () => {
    const data = await listLoader({
      request: await adminRequest(SHOP, "/app/collections?q=Ullplagg"),
      params: {},
      context: {},
    });
    expect(data.rows.map((row) => row.handle)).toEqual(["ullplagg"]);
    expect(data.rows[0]!.kind).toBe("conditions");
    expect(data.total.count).toBe(42);
  });

  it("GIVEN the applied create WHEN undone THEN the created collections are deleted", async () => {
    const undo = (await changeAction({
      request: await adminRequest(SHOP, `/app/collections/changes/${changeId}`, {
        method: "POST",
        body: form({ intent: "undo" }),
      }),
      params: { id: changeId },
      context: {},
    })) as Response;
    expect(undo.status).toBe(302);
    const undoId = undo.headers.get("Location")!.split("/").pop()!;
    await changeAction({
      request: await adminRequest(SHOP, `/app/collections/changes/${undoId}`, {
        method: "POST",
        body: form({ intent: "apply" }),
      }),
      params: { id: undoId },
      context: {},
    });
    await runQueuedJobs();
    expect(byHandle("vinterrea-e2e")).toBeUndefined();
    expect(byHandle("ullplagg")).toBeUndefined();
  });
});
