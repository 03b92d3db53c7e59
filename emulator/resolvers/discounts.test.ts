import { describe, expect, it } from "vitest";
import { createTestHarness } from "../testing";
import type { Collection } from "../store/types";
import { discountResolvers } from "./discounts";

const COLLECTION_ID = "gid://shopify/Collection/1";

function setup() {
  const harness = createTestHarness(discountResolvers);
  harness.shop.collections.set(COLLECTION_ID, { id: COLLECTION_ID } as Collection);
  return harness;
}

const CREATE = `mutation($d: DiscountAutomaticBasicInput!) {
  discountAutomaticBasicCreate(automaticBasicDiscount: $d) {
    automaticDiscountNode { id automaticDiscount { __typename ... on DiscountAutomaticBasic { title status startsAt endsAt combinesWith { productDiscounts } } } }
    userErrors { code field message extraInfo } } }`;

/** Harness clock: 2026-11-02T10:00:00Z. */
const VALID = {
  title: "Sale",
  startsAt: "2026-11-05T00:00:00Z",
  endsAt: "2026-11-08T00:00:00Z",
  context: { all: "ALL" },
  customerGets: { value: { percentage: 0.2 }, items: { collections: { add: [COLLECTION_ID] } } },
  combinesWith: { productDiscounts: false },
};

interface CreatePayload {
  discountAutomaticBasicCreate: {
    automaticDiscountNode: { id: string; automaticDiscount: Record<string, unknown> } | null;
    userErrors: { code: string; field: string[] }[];
  };
}

async function create(run: ReturnType<typeof setup>["run"], d: Record<string, unknown>) {
  const result = await run(CREATE, { d });
  expect(result.errors).toBeUndefined();
  return (result.data as unknown as CreatePayload).discountAutomaticBasicCreate;
}

describe("discountAutomaticBasicCreate", () => {
  it("GIVEN a future window WHEN created THEN a SCHEDULED DiscountAutomaticBasic returns and discounts/create fires", async () => {
    const { run, emitted } = setup();
    const payload = await create(run, VALID);
    expect(payload.userErrors).toEqual([]);
    expect(payload.automaticDiscountNode?.automaticDiscount).toEqual({
      __typename: "DiscountAutomaticBasic",
      title: "Sale",
      status: "SCHEDULED",
      startsAt: "2026-11-05T00:00:00.000Z",
      endsAt: "2026-11-08T00:00:00.000Z",
      combinesWith: { productDiscounts: false },
    });
    expect(emitted).toEqual([
      {
        topic: "discounts/create",
        payload: expect.objectContaining({
          admin_graphql_api_id: payload.automaticDiscountNode?.id,
          status: "SCHEDULED",
        }),
      },
    ]);
  });

  it("GIVEN the clock moves past startsAt WHEN read THEN the status is ACTIVE, then EXPIRED after endsAt", async () => {
    const { run, clock } = setup();
    const payload = await create(run, VALID);
    const read = `{ discountNodes(first: 5) { nodes { id discount { ... on DiscountAutomaticBasic { status } } } } }`;
    clock.advance(4 * 86_400_000);
    expect(await run(read)).toMatchObject({
      data: {
        discountNodes: {
          nodes: [{ id: payload.automaticDiscountNode?.id, discount: { status: "ACTIVE" } }],
        },
      },
    });
    clock.advance(3 * 86_400_000);
    expect(await run(read)).toMatchObject({
      data: { discountNodes: { nodes: [{ discount: { status: "EXPIRED" } }] } },
    });
  });

  it.each([
    ["a blank title", { title: "" }, "BLANK", ["automaticBasicDiscount", "title"]],
    [
      "endsAt before startsAt",
      { endsAt: "2026-11-04T00:00:00Z" },
      "END_DATE_BEFORE_START_DATE",
      ["automaticBasicDiscount", "endsAt"],
    ],
    [
      "a percentage above 1",
      { customerGets: { value: { percentage: 20 }, items: { all: true } } },
      "VALUE_OUTSIDE_RANGE",
      ["automaticBasicDiscount", "customerGets", "value", "percentage"],
    ],
    [
      "no items",
      { customerGets: { value: { percentage: 0.2 } } },
      "BLANK",
      ["automaticBasicDiscount", "customerGets", "items"],
    ],
    [
      "both one-time and subscription turned off",
      {
        customerGets: {
          value: { percentage: 0.2 },
          items: { all: true },
          appliesOnOneTimePurchase: false,
          appliesOnSubscription: false,
        },
      },
      "APPLIES_ON_NOTHING",
      ["automaticBasicDiscount", "customerGets"],
    ],
    [
      "both minimum kinds",
      {
        minimumRequirement: {
          quantity: { greaterThanOrEqualToQuantity: "2" },
          subtotal: { greaterThanOrEqualToSubtotal: "100" },
        },
      },
      "MINIMUM_SUBTOTAL_AND_QUANTITY_RANGE_BOTH_PRESENT",
      ["automaticBasicDiscount", "minimumRequirement"],
    ],
  ])(
    "GIVEN %s WHEN created THEN %s on that field and nothing is stored",
    async (_name, change, code, field) => {
      const { run, shop, emitted } = setup();
      const payload = await create(run, { ...VALID, ...change });
      expect(payload.automaticDiscountNode).toBeNull();
      expect(payload.userErrors).toEqual([expect.objectContaining({ code, field })]);
      expect(shop.discounts.size).toBe(0);
      expect(emitted).toEqual([]);
    },
  );

  it("GIVEN no write_discounts WHEN creating THEN ACCESS_DENIED", async () => {
    const harness = createTestHarness(discountResolvers, { scopes: ["read_discounts"] });
    const result = await harness.run(CREATE, { d: VALID });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "ACCESS_DENIED" });
  });
});

describe("discountAutomaticDelete", () => {
  it("GIVEN a discount WHEN deleted THEN it is gone and discounts/delete fires", async () => {
    const { run, shop, emitted } = setup();
    const created = await create(run, VALID);
    const id = created.automaticDiscountNode?.id;
    const result = await run(
      `mutation($id: ID!) { discountAutomaticDelete(id: $id) { deletedAutomaticDiscountId userErrors { code } } }`,
      { id },
    );
    expect(result.data).toEqual({
      discountAutomaticDelete: { deletedAutomaticDiscountId: id, userErrors: [] },
    });
    expect(shop.discounts.size).toBe(0);
    expect(emitted.map((e) => e.topic)).toEqual(["discounts/create", "discounts/delete"]);
  });
});
