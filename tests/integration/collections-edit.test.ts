import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { getChange, listItems } from "../../app/features/collections/changes.server";
import { planEditChange } from "../../app/features/collections/edit.server";
import type { EditRequest } from "../../app/features/collections/edit-request";
import { confirmChange, planUndo } from "../../app/features/collections/flow.server";
import type { PlanSummary } from "../../app/features/collections/plan-types";
import type { ShopifyGateway } from "../../app/shopify/gateway.server";
import { collectionMembership } from "../../emulator/catalog/membership";
import type { Emulator } from "../../emulator/server";
import type { Collection } from "../../emulator/store/types";
import { collectionByHandle, installDemoShop } from "../support/emulator";
import { runQueuedJobs } from "../support/jobs";
import { action as editAction, loader as editLoader } from "../../app/routes/app.collections.edit";
import { loader as changeLoader } from "../../app/routes/app.collections.changes.$id";
import { adminRequest } from "../support/sessions";

const SHOP = "edit-shop.myshopify.com";
let emulator: Emulator;
let gateway: ShopifyGateway;

beforeAll(async () => {
  ({ emulator, gateway } = await installDemoShop(SHOP));
});

afterAll(async () => {
  await emulator.close();
});

const state = () => emulator.shops.get(SHOP)!;

function collection(handle: string): Collection {
  return collectionByHandle(emulator, SHOP, handle);
}

/** A collection's conditions by meaning (ids left out): what undo must restore exactly. */
function conditionsOf(handle: string) {
  return collection(handle).sources.flatMap((source) =>
    source.kind !== "conditions"
      ? []
      : [
          {
            source: source.id,
            inclusion: source.inclusion.conditions.map(({ id: _id, ...rest }) => rest),
            inclusionMatch: source.inclusion.matchType,
            exclusion: (source.exclusion?.conditions ?? []).map(({ id: _id, ...rest }) => rest),
          },
        ],
  );
}

const onlineStore = () => state().publications.find((p) => p.onlineStore)!.id;

function request(handles: string[], patch: Partial<EditRequest>): EditRequest {
  return {
    collectionIds: handles.map((h) => collection(h).id),
    conditions: [],
    sortOrder: null,
    publish: [],
    unpublish: [],
    ...patch,
  };
}

async function applyAndRun(changeId: string) {
  const confirmed = await confirmChange(SHOP, changeId, "staff:1");
  expect(confirmed.status).toBe("queued");
  await runQueuedJobs();
  return (await getChange(SHOP, changeId))!;
}

async function undoAndRun(changeId: string) {
  const undo = await planUndo(gateway, SHOP, changeId, "staff:1");
  expect(undo.status).toBe("planned");
  if (undo.status !== "planned") throw new Error("no undo");
  return { plan: undo.change, applied: await applyAndRun(undo.change.id) };
}

describe("bulk edit of collections through the emulator", () => {
  it("GIVEN an inclusion and an exclusion added to two collections THEN the plan shows them, applying adds them once, and undo restores the conditions exactly", async () => {
    const before = { byxor: conditionsOf("byxor"), talt: conditionsOf("talt") };
    const membersBefore = collectionMembership(state(), collection("byxor")).members.size;
    const change = await planEditChange(
      gateway,
      SHOP,
      "staff:1",
      request(["byxor", "talt"], {
        conditions: [
          { action: "add", side: "inclusion", column: "tag", relation: "=", value: "ull" },
          { action: "add", side: "exclusion", column: "vendor", relation: "=", value: "Acme" },
        ],
      }),
    );
    const summary = change.summary as unknown as PlanSummary;
    expect(summary.totals.edits).toEqual({ conditions: 4, sortOrders: 0, publications: 0 });
    expect(summary.collections.map((c) => c.edits)).toEqual([
      [
        { kind: "conditionAdd", side: "inclusion", to: "tag = ull" },
        { kind: "conditionAdd", side: "exclusion", to: "vendor = Acme" },
      ],
      [
        { kind: "conditionAdd", side: "inclusion", to: "tag = ull" },
        { kind: "conditionAdd", side: "exclusion", to: "vendor = Acme" },
      ],
    ]);
    expect(conditionsOf("byxor")).toEqual(before.byxor); // nothing written yet

    const applied = await applyAndRun(change.id);
    expect(applied.status).toBe("SUCCEEDED");
    expect(applied.doneUnits).toBe(2);
    const [source] = conditionsOf("byxor");
    expect(source!.inclusion).toContainEqual(
      expect.objectContaining({ kind: "productTag", relation: "TAGGED_WITH", values: ["ull"] }),
    );
    expect(source!.exclusion).toEqual([
      expect.objectContaining({ kind: "productVendor", relation: "EQUALS", values: ["Acme"] }),
    ]);
    // "Byxor" matches ANY of its conditions: wool products join it.
    expect(collectionMembership(state(), collection("byxor")).members.size).toBeGreaterThan(
      membersBefore,
    );
    const action = await db().action.findUniqueOrThrow({
      where: { id: applied.actionId! },
      include: { resources: true },
    });
    expect(action.kind).toBe("collections.edit");
    expect(action.resources.filter((r) => r.type === "COLLECTION")).toHaveLength(2);

    const undo = await undoAndRun(change.id);
    expect(undo.applied.status).toBe("SUCCEEDED");
    expect(conditionsOf("byxor")).toEqual(before.byxor);
    expect(conditionsOf("talt")).toEqual(before.talt);
    expect(collectionMembership(state(), collection("byxor")).members.size).toBe(membersBefore);
    expect((await planUndo(gateway, SHOP, change.id, "staff:1")).status).toBe("cannot_undo");
  });

  it("GIVEN a condition changed and an exclusion removed THEN applying changes them, the plan warns where they are missing, and undo puts the originals back", async () => {
    const before = { damjackor: conditionsOf("damjackor"), herrjackor: conditionsOf("herrjackor") };
    const change = await planEditChange(
      gateway,
      SHOP,
      "staff:1",
      request(["damjackor", "herrjackor", "skor"], {
        conditions: [
          {
            action: "change",
            side: "inclusion",
            column: "tag",
            relation: "=",
            value: "dam",
            toColumn: "tag",
            toRelation: "=",
            toValue: "dam|unisex",
          },
          { action: "remove", side: "exclusion", column: "tag", relation: "=", value: "rea" },
        ],
      }),
    );
    const summary = change.summary as unknown as PlanSummary;
    expect(summary.warnings).toEqual(
      expect.arrayContaining([
        { code: "conditionMissing", vars: { collection: "Herrjackor", condition: "tag = dam" } },
        { code: "conditionMissing", vars: { collection: "Skor", condition: "tag = rea" } },
      ]),
    );
    expect(summary.collections.map((c) => c.title)).toEqual(["Damjackor", "Herrjackor"]);

    const applied = await applyAndRun(change.id);
    expect(applied.status).toBe("SUCCEEDED");
    const [dam] = conditionsOf("damjackor");
    expect(dam!.inclusion).toContainEqual(
      expect.objectContaining({ kind: "productTag", values: ["dam", "unisex"] }),
    );
    expect(dam!.exclusion).toEqual([]);
    expect(conditionsOf("herrjackor")[0]!.exclusion).toEqual([]);

    await undoAndRun(change.id);
    expect(conditionsOf("damjackor")).toEqual(before.damjackor);
    expect(conditionsOf("herrjackor")).toEqual(before.herrjackor);
  });

  it("GIVEN a sort order for several collections THEN each gets it and undo restores each one's own", async () => {
    const orders = {
      byxor: collection("byxor").sortOrder,
      ryggsackar: collection("ryggsackar").sortOrder,
    };
    const change = await planEditChange(
      gateway,
      SHOP,
      "staff:1",
      request(["byxor", "ryggsackar"], { sortOrder: "ALPHA_DESC" }),
    );
    const applied = await applyAndRun(change.id);
    expect(applied.status).toBe("SUCCEEDED");
    expect(collection("byxor").sortOrder).toBe("ALPHA_DESC");
    expect(collection("ryggsackar").sortOrder).toBe("ALPHA_DESC");
    await undoAndRun(change.id);
    expect(collection("byxor").sortOrder).toBe(orders.byxor);
    expect(collection("ryggsackar").sortOrder).toBe(orders.ryggsackar);
  });

  it("GIVEN publish on one collection and unpublish on another THEN the channels change and undo reverts both", async () => {
    const web = onlineStore();
    expect(collection("black-friday").publicationIds).not.toContain(web);
    expect(collection("byxor").publicationIds).toContain(web);
    const publish = await planEditChange(
      gateway,
      SHOP,
      "staff:1",
      request(["black-friday"], { publish: [web] }),
    );
    const unpublish = await planEditChange(
      gateway,
      SHOP,
      "staff:1",
      request(["byxor"], { unpublish: [web] }),
    );
    expect((await applyAndRun(publish.id)).status).toBe("SUCCEEDED");
    expect((await applyAndRun(unpublish.id)).status).toBe("SUCCEEDED");
    expect(collection("black-friday").publicationIds).toContain(web);
    expect(collection("byxor").publicationIds).not.toContain(web);

    await undoAndRun(publish.id);
    await undoAndRun(unpublish.id);
    expect(collection("black-friday").publicationIds).not.toContain(web);
    expect(collection("byxor").publicationIds).toContain(web);
  });

  it("GIVEN a collection deleted before applying THEN the others are edited, the report names it, and undo covers the rest", async () => {
    const doomed = collection("strumpor");
    const change = await planEditChange(
      gateway,
      SHOP,
      "staff:1",
      request(["strumpor", "skor"], { sortOrder: "CREATED" }),
    );
    state().collections.delete(doomed.id);
    const applied = await applyAndRun(change.id);
    expect(applied.status).toBe("PARTIAL");
    expect(applied.doneUnits).toBe(1);
    expect(applied.failedUnits).toBe(1);
    const failed = await listItems(SHOP, change.id, { statuses: ["FAILED"] });
    expect(failed.map((i) => [i.collectionId, i.error])).toEqual([
      [doomed.id, "The collection no longer exists."],
    ]);
    expect(collection("skor").sortOrder).toBe("CREATED");
    const undo = await undoAndRun(change.id);
    expect(undo.applied.totalItems).toBe(1);
    expect(collection("skor").sortOrder).toBe("BEST_SELLING");
  });

  it("GIVEN the collection is deleted after applying THEN its undo says it cannot be restored", async () => {
    const change = await planEditChange(
      gateway,
      SHOP,
      "staff:1",
      request(["barn"], { sortOrder: "ALPHA_ASC" }),
    );
    await applyAndRun(change.id);
    state().collections.delete(collection("barn").id);
    const undo = await planUndo(gateway, SHOP, change.id, "staff:1");
    expect(undo.status).toBe("planned");
    if (undo.status !== "planned") return;
    const summary = undo.change.summary as unknown as PlanSummary;
    expect(summary.warnings).toEqual([{ code: "deleted", vars: { collection: "Barn" } }]);
    expect(undo.change.totalItems).toBe(0);
  });

  it("GIVEN the worker dies mid-apply WHEN the job runs again THEN it resumes and each condition exists once", async () => {
    const handles = ["accessoarer", "nyheter", "vattentatt"];
    const web = onlineStore();
    for (const handle of handles) {
      expect(collection(handle).publicationIds).toContain(web);
    }
    const change = await planEditChange(
      gateway,
      SHOP,
      "staff:1",
      request(handles, {
        conditions: [
          { action: "add", side: "inclusion", column: "vendor", relation: "=", value: "Fjällvik" },
        ],
        unpublish: [web],
      }),
    );
    // The first write goes through, then the Admin API fails for longer than the job retries:
    // that collection's conditions are saved but its item is not recorded as done.
    let writes = 0;
    const log = state().mutationLog;
    const originalPush = log.push.bind(log);
    log.push = (...entries) => {
      if (++writes === 1) emulator.faults.set(SHOP, { serverErrors: 100 });
      return originalPush(...entries);
    };
    await confirmChange(SHOP, change.id, "staff:1");
    const firstRun = await runQueuedJobs();
    expect(firstRun[0]!.outcome.status).toBe("failed");
    log.push = originalPush;
    emulator.faults.clear(SHOP);
    const midway = await getChange(SHOP, change.id);
    expect(midway!.status).toBe("APPLYING");
    expect((await listItems(SHOP, change.id, { statuses: ["SENT"] })).length).toBeGreaterThan(0);

    const { applyChangeJob } = await import("../../app/features/collections/jobs.server");
    await applyChangeJob.handler(
      { shop: SHOP, changeId: change.id },
      { jobId: "resume", attempt: 1, signal: new AbortController().signal },
    );
    const done = (await getChange(SHOP, change.id))!;
    expect(done.status).toBe("SUCCEEDED");
    expect(done.doneUnits).toBe(3);
    for (const handle of handles) {
      const vendorConditions = conditionsOf(handle).flatMap((s) =>
        s.inclusion.filter((c) => c.kind === "productVendor"),
      );
      expect(vendorConditions).toHaveLength(1);
      expect(collection(handle).publicationIds).not.toContain(web);
    }
    // The item re-sent after the crash kept its first snapshot: undo removes what was added.
    await undoAndRun(change.id);
    for (const handle of handles) {
      expect(
        conditionsOf(handle).flatMap((s) => s.inclusion.filter((c) => c.kind === "productVendor")),
      ).toEqual([]);
      expect(collection(handle).publicationIds).toContain(web);
    }
  });

  it("GIVEN the edit page WHEN it loads THEN it lists the chosen collections and the store's channels", async () => {
    const id = collection("skor").id;
    const data = await editLoader({
      request: await adminRequest(
        SHOP,
        `/app/collections/edit?collection=${encodeURIComponent(id)}`,
      ),
      params: {},
      context: {},
    });
    expect(data.collections.map((c) => c.id)).toEqual([id]);
    expect(data.channels.map((c) => c.name)).toContain("Online Store");
  });

  it("GIVEN the edit form with a bad row THEN it answers 400 naming the row's problem, and a good form redirects to the stored plan", async () => {
    const id = collection("skor").id;
    const post = (entries: [string, string][]) => {
      const body = new FormData();
      for (const [name, value] of entries) body.append(name, value);
      return adminRequest(SHOP, "/app/collections/edit", { method: "POST", body });
    };
    const row = (value: string): [string, string][] => [
      ["collection", id],
      ["condition.0.action", "add"],
      ["condition.0.side", "inclusion"],
      ["condition.0.column", "price"],
      ["condition.0.relation", ">"],
      ["condition.0.value", value],
    ];
    const bad = (await editAction({
      request: await post(row("mycket")),
      params: {},
      context: {},
    })) as Response;
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      errors: { "conditions.0": "collections.edit.error.amount" },
    });

    const good = (await editAction({
      request: await post(row("2500")),
      params: {},
      context: {},
    })) as Response;
    expect(good.status).toBe(302);
    const changeId = good.headers.get("Location")!.split("/").pop()!;
    const { change } = await changeLoader({
      request: await adminRequest(SHOP, `/app/collections/changes/${changeId}`),
      params: { id: changeId },
      context: {},
    });
    expect(change.kind).toBe("edit");
    expect(change.status).toBe("PLANNED");
    expect(change.summary.collections[0]!.edits).toEqual([
      { kind: "conditionAdd", side: "inclusion", to: "price > 2500" },
    ]);
  });
});
