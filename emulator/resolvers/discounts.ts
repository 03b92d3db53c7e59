import type { EmulatorContext, Resolvers } from "../graphql/context";
import { paginate, type ConnectionArgs } from "../graphql/connection";
import type { AutomaticDiscount, ShopState } from "../store/types";
import { requireAnyScope } from "./content-access";

type DiscountErrorCode =
  | "BLANK"
  | "END_DATE_BEFORE_START_DATE"
  | "VALUE_OUTSIDE_RANGE"
  | "TOO_MANY_ARGUMENTS"
  | "APPLIES_ON_NOTHING"
  | "MINIMUM_SUBTOTAL_AND_QUANTITY_RANGE_BOTH_PRESENT"
  | "INVALID"
  | "TOO_LONG";

interface DiscountUserError {
  code: DiscountErrorCode;
  field: string[];
  message: string;
  extraInfo: string | null;
}

interface BasicInput {
  title?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
  customerGets?: {
    value?: {
      percentage?: number | null;
      discountAmount?: { amount?: string | null } | null;
      discountOnQuantity?: unknown;
    } | null;
    items?: {
      all?: boolean | null;
      products?: { productsToAdd?: string[] | null; productVariantsToAdd?: string[] | null } | null;
      collections?: { add?: string[] | null } | null;
    } | null;
    appliesOnOneTimePurchase?: boolean | null;
    appliesOnSubscription?: boolean | null;
  } | null;
  minimumRequirement?: { quantity?: unknown; subtotal?: unknown } | null;
  combinesWith?: {
    orderDiscounts?: boolean | null;
    productDiscounts?: boolean | null;
    shippingDiscounts?: boolean | null;
  } | null;
  tags?: string[] | null;
}

const ROOT = "automaticBasicDiscount";

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function validateItems(
  shop: ShopState,
  items: NonNullable<NonNullable<BasicInput["customerGets"]>["items"]>,
  error: (code: DiscountErrorCode, path: string[], message: string) => void,
) {
  const path = ["customerGets", "items"];
  const chosen = [items.all === true, present(items.products), present(items.collections)].filter(
    Boolean,
  ).length;
  if (chosen > 1)
    return error(
      "TOO_MANY_ARGUMENTS",
      path,
      "Only one of all, products or collections can be specified",
    );
  if (chosen === 0) return error("BLANK", path, "Items must be specified");
  for (const id of items.collections?.add ?? []) {
    if (!shop.collections.has(id))
      error("INVALID", [...path, "collections", "add"], `Collection ${id} does not exist`);
  }
  for (const id of items.products?.productsToAdd ?? []) {
    if (!shop.products.has(id))
      error("INVALID", [...path, "products", "productsToAdd"], `Product ${id} does not exist`);
  }
}

/** DiscountUserError checks for DiscountAutomaticBasicInput, in the platform's field paths. */
function validate(shop: ShopState, input: BasicInput, nowIso: string): DiscountUserError[] {
  const errors: DiscountUserError[] = [];
  const error = (code: DiscountErrorCode, path: string[], message: string) => {
    errors.push({ code, field: [ROOT, ...path], message, extraInfo: null });
  };
  if (!input.title?.trim()) error("BLANK", ["title"], "Title can't be blank");
  else if (input.title.length > 255)
    error("TOO_LONG", ["title"], "Title is too long (maximum is 255 characters)");
  const startsAt = input.startsAt ?? nowIso;
  if (input.endsAt && Date.parse(input.endsAt) < Date.parse(startsAt)) {
    error("END_DATE_BEFORE_START_DATE", ["endsAt"], "Ends at needs to be after starts_at");
  }
  const gets = input.customerGets;
  if (!gets) {
    error("BLANK", ["customerGets"], "Customer gets can't be blank");
  } else {
    const value = gets.value;
    const kinds = [value?.percentage, value?.discountAmount, value?.discountOnQuantity].filter(
      present,
    ).length;
    if (!value || kinds === 0) error("BLANK", ["customerGets", "value"], "Value can't be blank");
    else if (kinds > 1)
      error(
        "TOO_MANY_ARGUMENTS",
        ["customerGets", "value"],
        "Only one value type can be specified",
      );
    else if (present(value.percentage) && (value.percentage! < 0 || value.percentage! > 1)) {
      error(
        "VALUE_OUTSIDE_RANGE",
        ["customerGets", "value", "percentage"],
        "Value must be between 0.0 and 1.0",
      );
    } else if (value.discountAmount && !(Number(value.discountAmount.amount) > 0)) {
      error(
        "VALUE_OUTSIDE_RANGE",
        ["customerGets", "value", "discountAmount", "amount"],
        "Amount must be greater than 0",
      );
    }
    if (gets.items) validateItems(shop, gets.items, error);
    else error("BLANK", ["customerGets", "items"], "Items must be specified");
    if (gets.appliesOnOneTimePurchase === false && gets.appliesOnSubscription === false) {
      error(
        "APPLIES_ON_NOTHING",
        ["customerGets"],
        "A discount cannot have both appliesOnOneTimePurchase and appliesOnSubscription set to false",
      );
    }
  }
  if (present(input.minimumRequirement?.quantity) && present(input.minimumRequirement?.subtotal)) {
    error(
      "MINIMUM_SUBTOTAL_AND_QUANTITY_RANGE_BOTH_PRESENT",
      ["minimumRequirement"],
      "Specify a minimum subtotal or a quantity, but not both",
    );
  }
  return errors;
}

/** DiscountStatus from the emulator clock: SCHEDULED before startsAt, EXPIRED from endsAt. */
export function discountStatus(
  discount: AutomaticDiscount,
  nowMs: number,
): "ACTIVE" | "EXPIRED" | "SCHEDULED" {
  if (Date.parse(discount.startsAt) > nowMs) return "SCHEDULED";
  if (discount.endsAt && Date.parse(discount.endsAt) <= nowMs) return "EXPIRED";
  return "ACTIVE";
}

function basicObject(discount: AutomaticDiscount) {
  return { __typename: "DiscountAutomaticBasic", ...discount };
}

function automaticNode(discount: AutomaticDiscount) {
  return { id: discount.id, automaticDiscount: basicObject(discount) };
}

function discountCreate(_source: unknown, args: Record<string, unknown>, ctx: EmulatorContext) {
  const { shop } = ctx;
  requireAnyScope(shop, "Mutation", "discountAutomaticBasicCreate", ["write_discounts"]);
  const input = args.automaticBasicDiscount as BasicInput;
  const now = ctx.clock.nowIso();
  const userErrors = validate(shop, input, now);
  if (userErrors.length) return { automaticDiscountNode: null, userErrors };
  const discount: AutomaticDiscount = {
    id: ctx.nextGid(shop, "DiscountAutomaticNode"),
    title: input.title!,
    startsAt: new Date(input.startsAt ?? now).toISOString(),
    endsAt: input.endsAt ? new Date(input.endsAt).toISOString() : null,
    input: { ...input },
    createdAt: now,
    updatedAt: now,
  };
  shop.discounts.set(discount.id, discount);
  ctx.webhooks.emit(shop, "discounts/create", {
    admin_graphql_api_id: discount.id,
    title: discount.title,
    status: discountStatus(discount, ctx.clock.now().getTime()),
    created_at: discount.createdAt,
    updated_at: discount.updatedAt,
  });
  return { automaticDiscountNode: automaticNode(discount), userErrors: [] };
}

function discountDelete(_source: unknown, args: Record<string, unknown>, ctx: EmulatorContext) {
  const { shop } = ctx;
  requireAnyScope(shop, "Mutation", "discountAutomaticDelete", ["write_discounts"]);
  const discount = shop.discounts.get(args.id as string);
  if (!discount) {
    return {
      deletedAutomaticDiscountId: null,
      userErrors: [
        { code: "INVALID", field: ["id"], message: "Discount does not exist", extraInfo: null },
      ],
    };
  }
  shop.discounts.delete(discount.id);
  ctx.webhooks.emit(shop, "discounts/delete", {
    admin_graphql_api_id: discount.id,
    deleted_at: ctx.clock.nowIso(),
  });
  return { deletedAutomaticDiscountId: discount.id, userErrors: [] };
}

function requireDiscountRead(shop: ShopState, field: string) {
  requireAnyScope(shop, "QueryRoot", field, ["read_discounts", "write_discounts"]);
}

function combinesWith(discount: AutomaticDiscount) {
  const input = (discount.input as BasicInput).combinesWith ?? {};
  return {
    orderDiscounts: input.orderDiscounts ?? false,
    productDiscounts: input.productDiscounts ?? false,
    shippingDiscounts: input.shippingDiscounts ?? false,
  };
}

function summary(discount: AutomaticDiscount): string {
  const value = (discount.input as BasicInput).customerGets?.value;
  const amount = present(value?.percentage)
    ? `${Math.round(value!.percentage! * 10000) / 100}% off`
    : `${value?.discountAmount?.amount ?? ""} off`;
  const items = (discount.input as BasicInput).customerGets?.items;
  const target = items?.all
    ? "entire order"
    : items?.collections
      ? `${items.collections.add?.length ?? 0} collection(s)`
      : `${items?.products?.productsToAdd?.length ?? 0} product(s)`;
  return `${amount} ${target}`;
}

export const discountResolvers: Resolvers = {
  Mutation: {
    discountAutomaticBasicCreate: discountCreate,
    discountAutomaticDelete: discountDelete,
  },
  QueryRoot: {
    discountNodes: (_source, args, ctx) => {
      requireDiscountRead(ctx.shop, "discountNodes");
      const { reverse, ...page } = args as ConnectionArgs & {
        reverse?: boolean | null;
        query?: string | null;
      };
      if (typeof args.query === "string" && args.query.trim()) {
        throw new Error("not emulated: discountNodes query filters");
      }
      const list = [...ctx.shop.discounts.values()].map((discount) => ({
        id: discount.id,
        discount: basicObject(discount),
      }));
      return paginate(reverse ? list.reverse() : list, page, (node) => node.id);
    },
    discountNode: (_source, args, ctx) => {
      requireDiscountRead(ctx.shop, "discountNode");
      const discount = ctx.shop.discounts.get(args.id as string);
      return discount ? { id: discount.id, discount: basicObject(discount) } : null;
    },
  },
  DiscountAutomaticBasic: {
    status: (source, _args, ctx) =>
      discountStatus(source as AutomaticDiscount, ctx.clock.now().getTime()),
    combinesWith: (source) => combinesWith(source as AutomaticDiscount),
    // "All items" makes an amount off the order; product or collection items discount products.
    discountClasses: (source) =>
      ((source as AutomaticDiscount).input as BasicInput).customerGets?.items?.all
        ? ["ORDER"]
        : ["PRODUCT"],
    asyncUsageCount: () => 0,
    recurringCycleLimit: () => 0,
    tags: (source) => ((source as AutomaticDiscount).input as BasicInput).tags ?? [],
    summary: (source) => summary(source as AutomaticDiscount),
    shortSummary: (source) => summary(source as AutomaticDiscount),
  },
};
