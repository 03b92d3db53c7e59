import { describe, expect, it } from "vitest";
import { createTestHarness } from "../testing";
import { mergeResolvers } from "../graphql/merge";
import type { Resolvers } from "../graphql/context";
import type { AnalyticsAnnotation } from "../store/types";
import { annotationResolvers, MAX_ANNOTATIONS_PER_APP } from "./annotations";

/** The shop-resolver owner provides QueryRoot.shop; a stand-in keeps this test self-contained. */
const roots: Resolvers = { QueryRoot: { shop: (_source, _args, ctx) => ({ id: ctx.shop.id }) } };

function setup() {
  return createTestHarness(mergeResolvers(annotationResolvers, roots));
}

const CREATE = `mutation($input: AnalyticsAnnotationCreateInput!) {
  analyticsAnnotationCreate(input: $input) {
    analyticsAnnotation { id title description type startedAt endedAt source createdByApp { id } }
    userErrors { code field message } } }`;

const VALID = {
  title: "Home page: Summer campaign",
  type: "campaign",
  startedAt: "2026-10-01T00:00:00Z",
  endedAt: "2026-10-08T00:00:00Z",
  description: "Hero swapped to the summer collection",
};

interface CreatePayload {
  analyticsAnnotationCreate: {
    analyticsAnnotation: { id: string; endedAt: string | null; source: string } | null;
    userErrors: { code: string; field: string[] | null }[];
  };
}

async function create(run: ReturnType<typeof setup>["run"], input: Record<string, unknown>) {
  const result = await run(CREATE, { input });
  expect(result.errors).toBeUndefined();
  return (result.data as unknown as CreatePayload).analyticsAnnotationCreate;
}

function foreignAnnotation(): AnalyticsAnnotation {
  return {
    id: "gid://shopify/AnalyticsAnnotation/9",
    title: "Other app",
    description: null,
    type: "campaign",
    startedAt: "2026-09-01T00:00:00.000Z",
    endedAt: null,
    appId: "gid://shopify/App/7",
    createdAt: "2026-09-01T00:00:00.000Z",
    updatedAt: "2026-09-01T00:00:00.000Z",
  };
}

describe("analyticsAnnotationCreate", () => {
  it("GIVEN valid input WHEN created THEN it is attributed to the app with source APP", async () => {
    const { run } = setup();
    const payload = await create(run, VALID);
    expect(payload.userErrors).toEqual([]);
    expect(payload.analyticsAnnotation).toMatchObject({
      title: VALID.title,
      startedAt: "2026-10-01T00:00:00.000Z",
      endedAt: "2026-10-08T00:00:00.000Z",
      source: "APP",
      createdByApp: { id: "gid://shopify/App/1001" },
    });
  });

  it("GIVEN endedAt omitted WHEN created THEN it is a point in time (endedAt = startedAt)", async () => {
    const { run } = setup();
    const { title, type, startedAt } = VALID;
    const payload = await create(run, { title, type, startedAt });
    expect(payload.analyticsAnnotation?.endedAt).toBe("2026-10-01T00:00:00.000Z");
  });

  it("GIVEN endedAt null WHEN created THEN it is open-ended", async () => {
    const { run } = setup();
    const payload = await create(run, { ...VALID, endedAt: null });
    expect(payload.analyticsAnnotation?.endedAt).toBeNull();
  });

  it.each([
    ["a 76-character title", { title: "x".repeat(76) }, ["input", "title"]],
    ["a 151-character description", { description: "x".repeat(151) }, ["input", "description"]],
    ["endedAt before startedAt", { endedAt: "2026-09-30T00:00:00Z" }, ["input", "endedAt"]],
    ["a blank type", { type: " " }, ["input", "type"]],
  ])("GIVEN %s WHEN created THEN INVALID on that field", async (_name, change, field) => {
    const { run, shop } = setup();
    const payload = await create(run, { ...VALID, ...change });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: "INVALID", field })]);
    expect(shop.annotations.size).toBe(0);
  });

  it("GIVEN a 75-character title WHEN created THEN it is accepted", async () => {
    const { run } = setup();
    const payload = await create(run, { ...VALID, title: "x".repeat(75) });
    expect(payload.userErrors).toEqual([]);
  });

  it("GIVEN the app is at its quota WHEN creating THEN LIMIT_REACHED", async () => {
    const { run, shop } = setup();
    for (let i = 0; i < MAX_ANNOTATIONS_PER_APP; i++) {
      const id = `gid://shopify/AnalyticsAnnotation/${i}`;
      shop.annotations.set(id, { ...foreignAnnotation(), id, appId: shop.app.id });
    }
    const payload = await create(run, VALID);
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: "LIMIT_REACHED" })]);
  });
});

describe("analyticsAnnotationUpdate / Delete ownership", () => {
  it("GIVEN the app's annotation WHEN updated with description null THEN the description is removed", async () => {
    const { run } = setup();
    const created = await create(run, VALID);
    const result = await run(
      `mutation($id: ID!) { analyticsAnnotationUpdate(id: $id, input: { title: "Renamed", description: null }) {
        analyticsAnnotation { title description } userErrors { code } } }`,
      { id: created.analyticsAnnotation?.id },
    );
    expect(result.data).toEqual({
      analyticsAnnotationUpdate: {
        analyticsAnnotation: { title: "Renamed", description: null },
        userErrors: [],
      },
    });
  });

  it("GIVEN an update moving startedAt past endedAt WHEN updated THEN INVALID", async () => {
    const { run } = setup();
    const created = await create(run, VALID);
    const result = await run(
      `mutation($id: ID!) { analyticsAnnotationUpdate(id: $id, input: { startedAt: "2026-10-09T00:00:00Z" }) { userErrors { code field } } }`,
      { id: created.analyticsAnnotation?.id },
    );
    expect(result.data).toEqual({
      analyticsAnnotationUpdate: { userErrors: [{ code: "INVALID", field: ["input", "endedAt"] }] },
    });
  });

  it("GIVEN another app's annotation WHEN updated THEN NOT_FOUND and it is unchanged", async () => {
    const { run, shop } = setup();
    const foreign = foreignAnnotation();
    shop.annotations.set(foreign.id, foreign);
    const result = await run(
      `mutation($id: ID!) { analyticsAnnotationUpdate(id: $id, input: { title: "Mine now" }) { analyticsAnnotation { id } userErrors { code field } } }`,
      { id: foreign.id },
    );
    expect(result.data).toEqual({
      analyticsAnnotationUpdate: {
        analyticsAnnotation: null,
        userErrors: [{ code: "NOT_FOUND", field: ["id"] }],
      },
    });
    expect(shop.annotations.get(foreign.id)?.title).toBe("Other app");
  });

  it("GIVEN another app's annotation WHEN deleted THEN NOT_FOUND and it remains", async () => {
    const { run, shop } = setup();
    const foreign = foreignAnnotation();
    shop.annotations.set(foreign.id, foreign);
    const result = await run(
      `mutation($id: ID!) { analyticsAnnotationDelete(id: $id) { deletedId userErrors { code } } }`,
      { id: foreign.id },
    );
    expect(result.data).toEqual({
      analyticsAnnotationDelete: { deletedId: null, userErrors: [{ code: "NOT_FOUND" }] },
    });
    expect(shop.annotations.has(foreign.id)).toBe(true);
  });

  it("GIVEN the app's annotation WHEN deleted THEN its id is returned and it is gone", async () => {
    const { run, shop } = setup();
    const created = await create(run, VALID);
    const id = created.analyticsAnnotation?.id;
    const result = await run(
      `mutation($id: ID!) { analyticsAnnotationDelete(id: $id) { deletedId } }`,
      { id },
    );
    expect(result.data).toEqual({ analyticsAnnotationDelete: { deletedId: id } });
    expect(shop.annotations.size).toBe(0);
  });
});

describe("shop.analyticsAnnotations", () => {
  it("GIVEN app and other annotations WHEN filtered by source:app and sorted by STARTED_AT THEN only the app's return in order", async () => {
    const { run, shop } = setup();
    shop.annotations.set(foreignAnnotation().id, { ...foreignAnnotation(), appId: null });
    await create(run, { ...VALID, title: "Later", startedAt: "2026-10-05T00:00:00Z" });
    await create(run, { ...VALID, title: "Earlier", startedAt: "2026-10-01T00:00:00Z" });
    const result = await run(
      `{ shop { analyticsAnnotations(first: 10, query: "source:app started_at:>=2026-01-01", sortKey: STARTED_AT) { nodes { title source } } } }`,
    );
    expect(result.data).toEqual({
      shop: {
        analyticsAnnotations: {
          nodes: [
            { title: "Earlier", source: "APP" },
            { title: "Later", source: "APP" },
          ],
        },
      },
    });
  });
});
