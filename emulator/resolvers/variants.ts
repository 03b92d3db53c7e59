import { GraphQLError } from "graphql";
import type { EmulatorContext, Resolvers } from "../graphql/context";
import { formatFixed, parseDecimal } from "../analytics/decimal";
import type { Product, ShopState, Variant } from "../store/types";
import { requireAnyScope } from "./content-access";

type VariantErrorCode =
  | "PRODUCT_DOES_NOT_EXIST"
  | "PRODUCT_VARIANT_DOES_NOT_EXIST"
  | "PRODUCT_VARIANT_ID_MISSING"
  | "MUST_BE_FOR_THIS_PRODUCT"
  | "NEGATIVE_PRICE_VALUE"
  | "INVALID_INPUT";

interface VariantUserError {
  code: VariantErrorCode;
  field: string[];
  message: string;
}

interface VariantInput {
  id?: string | null;
  price?: string | null;
  compareAtPrice?: string | null;
}

/** The emulator keeps to price fields; any other variant input fails loudly. */
const SUPPORTED_KEYS = new Set(["id", "price", "compareAtPrice"]);

function productOfVariant(shop: ShopState, variantId: string): Product | undefined {
  for (const product of shop.products.values()) {
    if (product.variants.some((variant) => variant.id === variantId)) return product;
  }
  return undefined;
}

/** Money input as stored: 2 decimals ("15" -> "15.00"); a string error when it is not valid. */
function normalizePrice(value: string, path: string[]): string | VariantUserError {
  const units = parseDecimal(String(value));
  if (units === null)
    return { code: "INVALID_INPUT", field: path, message: `${value} is not a valid price` };
  if (units < 0n)
    return {
      code: "NEGATIVE_PRICE_VALUE",
      field: path,
      message: "Price cannot take a negative value.",
    };
  return formatFixed(units, 2);
}

interface PlannedChange {
  variant: Variant;
  price?: string;
  compareAtPrice?: string | null;
}

function planChange(
  shop: ShopState,
  product: Product,
  input: VariantInput,
  index: number,
): PlannedChange | VariantUserError[] {
  const at = (name: string) => ["variants", String(index), name];
  for (const key of Object.keys(input)) {
    if (!SUPPORTED_KEYS.has(key)) {
      throw new GraphQLError(`not emulated: productVariantsBulkUpdate variant input ${key}`, {
        extensions: { code: "NOT_EMULATED" },
      });
    }
  }
  if (!input.id)
    return [
      {
        code: "PRODUCT_VARIANT_ID_MISSING",
        field: at("id"),
        message: "Product variant is missing ID attribute.",
      },
    ];
  const variant = product.variants.find((candidate) => candidate.id === input.id);
  if (!variant) {
    return productOfVariant(shop, input.id)
      ? [
          {
            code: "MUST_BE_FOR_THIS_PRODUCT",
            field: at("id"),
            message: "Input must be for this product.",
          },
        ]
      : [
          {
            code: "PRODUCT_VARIANT_DOES_NOT_EXIST",
            field: at("id"),
            message: "Product variant does not exist.",
          },
        ];
  }
  const change: PlannedChange = { variant };
  const errors: VariantUserError[] = [];
  if ("price" in input) {
    if (input.price == null)
      errors.push({ code: "INVALID_INPUT", field: at("price"), message: "Price can't be blank." });
    else {
      const price = normalizePrice(input.price, at("price"));
      if (typeof price === "string") change.price = price;
      else errors.push(price);
    }
  }
  if ("compareAtPrice" in input) {
    // null clears the compare-at price (ends a visible sale).
    if (input.compareAtPrice == null) change.compareAtPrice = null;
    else {
      const compareAt = normalizePrice(input.compareAtPrice, at("compareAtPrice"));
      if (typeof compareAt === "string") change.compareAtPrice = compareAt;
      else errors.push(compareAt);
    }
  }
  return errors.length ? errors : change;
}

/** The REST product resource `products/update` webhooks carry (variant price fields only). */
function productWebhookPayload(product: Product) {
  const numeric = (gid: string) => Number(gid.slice(gid.lastIndexOf("/") + 1));
  return {
    id: numeric(product.id),
    title: product.title,
    handle: product.handle,
    status: product.status.toLowerCase(),
    updated_at: product.updatedAt,
    admin_graphql_api_id: product.id,
    variants: product.variants.map((variant) => ({
      id: numeric(variant.id),
      product_id: numeric(product.id),
      title: variant.title,
      sku: variant.sku,
      price: variant.price,
      compare_at_price: variant.compareAtPrice,
      updated_at: variant.updatedAt,
      admin_graphql_api_id: variant.id,
    })),
  };
}

/**
 * `productVariantsBulkUpdate` for prices (§6.2): one product per call, all-or-nothing unless
 * `allowPartialUpdates`. Writes only price, compareAtPrice and updatedAt.
 */
function productVariantsBulkUpdate(
  _source: unknown,
  args: Record<string, unknown>,
  ctx: EmulatorContext,
) {
  const { shop } = ctx;
  requireAnyScope(shop, "Mutation", "productVariantsBulkUpdate", ["write_products"]);
  const { productId, variants, allowPartialUpdates } = args as {
    productId: string;
    variants: VariantInput[];
    allowPartialUpdates?: boolean | null;
  };
  if (args.media != null) {
    throw new GraphQLError("not emulated: productVariantsBulkUpdate media", {
      extensions: { code: "NOT_EMULATED" },
    });
  }
  const product = shop.products.get(productId);
  if (!product) {
    return {
      product: null,
      productVariants: null,
      userErrors: [
        { code: "PRODUCT_DOES_NOT_EXIST", field: ["productId"], message: "Product does not exist" },
      ],
    };
  }
  const planned: PlannedChange[] = [];
  const userErrors: VariantUserError[] = [];
  variants.forEach((input, index) => {
    const result = planChange(shop, product, input, index);
    if (Array.isArray(result)) userErrors.push(...result);
    else planned.push(result);
  });
  if (userErrors.length && !allowPartialUpdates) {
    return { product, productVariants: null, userErrors };
  }
  const now = ctx.clock.nowIso();
  for (const change of planned) {
    if (change.price !== undefined) change.variant.price = change.price;
    if (change.compareAtPrice !== undefined) change.variant.compareAtPrice = change.compareAtPrice;
    change.variant.updatedAt = now;
  }
  if (planned.length) {
    product.updatedAt = now;
    ctx.webhooks.emit(shop, "products/update", productWebhookPayload(product));
  }
  return { product, productVariants: planned.map((change) => change.variant), userErrors };
}

export const variantResolvers: Resolvers = { Mutation: { productVariantsBulkUpdate } };
