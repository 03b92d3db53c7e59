import { createHash } from "node:crypto";
import { GraphQLError } from "graphql";
import type { EmulatorContext, FieldResolver, Resolvers } from "../graphql/context";
import { paginate, type ConnectionArgs } from "../graphql/connection";
import { isCalendarDate } from "../analytics/zoned-time";
import type { Metafield, ShopState } from "../store/types";

/**
 * Metafield types (shopify.dev "Metafield data types") and the value checks metafieldsSet applies
 * (INVALID_TYPE / INVALID_VALUE), plus `jsonValue` per type.
 */
const GID = /^gid:\/\/shopify\/[A-Za-z]+\/\d+$/;

function isJson(value: string): boolean {
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}

function isJsonObject(value: string): boolean {
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

const SCALAR_CHECKS: Record<string, (value: string) => boolean> = {
  single_line_text_field: (value) => !/[\r\n]/.test(value),
  multi_line_text_field: () => true,
  boolean: (value) => value === "true" || value === "false",
  number_integer: (value) => /^-?\d+$/.test(value) && Number.isSafeInteger(Number(value)),
  number_decimal: (value) => /^-?\d+(\.\d+)?$/.test(value),
  date: isCalendarDate,
  date_time: (value) => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)),
  url: (value) => /^(https?:\/\/|mailto:|sms:|tel:)\S+$/.test(value),
  color: (value) => /^#[0-9A-Fa-f]{6}$/.test(value),
  json: isJson,
  rich_text_field: isJsonObject,
  money: isJsonObject,
  rating: isJsonObject,
  dimension: isJsonObject,
  volume: isJsonObject,
  weight: isJsonObject,
  link: isJsonObject,
  id: (value) => value.length > 0,
  language: (value) => /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/.test(value),
};

const REFERENCE_TYPES = [
  "collection_reference",
  "customer_reference",
  "file_reference",
  "metaobject_reference",
  "mixed_reference",
  "page_reference",
  "product_reference",
  "product_taxonomy_value_reference",
  "variant_reference",
  "company_reference",
  "article_reference",
];
for (const type of REFERENCE_TYPES) SCALAR_CHECKS[type] = (value) => GID.test(value);

/** List element check: JSON numbers/booleans are accepted where the scalar type expects them. */
function listElementValid(elementType: string, element: unknown): boolean {
  const check = SCALAR_CHECKS[elementType];
  if (typeof element === "string") return check(element);
  if (typeof element === "number" || typeof element === "boolean") return check(String(element));
  return typeof element === "object" && element !== null && check(JSON.stringify(element));
}

export function isKnownMetafieldType(type: string): boolean {
  const scalar = type.startsWith("list.") ? type.slice(5) : type;
  return (
    scalar in SCALAR_CHECKS &&
    !(
      type.startsWith("list.") &&
      ["json", "boolean", "multi_line_text_field", "rich_text_field", "money"].includes(scalar)
    )
  );
}

export function isValidMetafieldValue(type: string, value: string): boolean {
  if (!type.startsWith("list.")) return SCALAR_CHECKS[type]?.(value) ?? false;
  const elementType = type.slice(5);
  try {
    const parsed: unknown = JSON.parse(value);
    return (
      Array.isArray(parsed) && parsed.every((element) => listElementValid(elementType, element))
    );
  } catch {
    return false;
  }
}

/** `Metafield.jsonValue`: structured types parsed, numbers and booleans typed, text as is. */
export function metafieldJsonValue(type: string, value: string): unknown {
  if (type.startsWith("list.") || SCALAR_CHECKS[type] === isJsonObject || type === "json") {
    return JSON.parse(value) as unknown;
  }
  if (type === "boolean") return value === "true";
  if (type === "number_integer") return Number(value);
  return value;
}

/** metafieldsSet limits (SHOPIFY-PLATFORM.md §4.1 and the MetafieldsSetInput descriptions). */
export const MAX_METAFIELDS_PER_SET = 25;
const KEY_LENGTH = { min: 2, max: 64 };
const NAMESPACE_LENGTH = { min: 3, max: 255 };
const NAME_CHARACTERS = /^[A-Za-z0-9_-]+$/;

function appNumericId(shop: ShopState): string {
  return shop.app.id.slice(shop.app.id.lastIndexOf("/") + 1);
}

/**
 * The app-reserved namespace: omitted or `$app` -> `app--<app id>`, `$app:sub` ->
 * `app--<app id>--sub`, which is how Shopify stores and returns it.
 */
export function resolveNamespace(shop: ShopState, namespace: string | null | undefined): string {
  const reserved = `app--${appNumericId(shop)}`;
  if (namespace == null || namespace === "$app") return reserved;
  if (namespace.startsWith("$app:")) return `${reserved}--${namespace.slice(5)}`;
  return namespace;
}

/** Opaque digest of the stored content, compared by `compareDigest` compare-and-set. */
export function metafieldDigest(metafield: Pick<Metafield, "type" | "value">): string {
  return createHash("sha256").update(`${metafield.type}\u0000${metafield.value}`).digest("hex");
}

const DIGEST_FORMAT = /^[0-9a-f]{64}$/;

function gidType(gid: string): string {
  return /^gid:\/\/shopify\/([A-Za-z]+)\//.exec(gid)?.[1] ?? "";
}

/** MetafieldOwnerType of an owner id, for the owner kinds the emulator stores. */
const OWNER_TYPES: Record<string, string> = {
  Shop: "SHOP",
  AppInstallation: "API_PERMISSION",
  Product: "PRODUCT",
  ProductVariant: "PRODUCTVARIANT",
  Collection: "COLLECTION",
  DiscountAutomaticNode: "DISCOUNT",
};

function findVariantOwner(shop: ShopState, id: string): boolean {
  for (const product of shop.products.values()) {
    if (product.variants.some((variant) => variant.id === id)) return true;
  }
  return false;
}

function ownerExists(shop: ShopState, ownerId: string): boolean {
  switch (gidType(ownerId)) {
    case "Shop":
      return ownerId === shop.id;
    case "AppInstallation":
      return ownerId === shop.app.installationId;
    case "Product":
      return shop.products.has(ownerId);
    case "ProductVariant":
      return findVariantOwner(shop, ownerId);
    case "Collection":
      return shop.collections.has(ownerId);
    case "DiscountAutomaticNode":
      return shop.discounts.has(ownerId);
    default:
      throw new GraphQLError(`not emulated: metafields on owner ${ownerId}`, {
        extensions: { code: "NOT_EMULATED" },
      });
  }
}

export function findMetafield(
  shop: ShopState,
  ownerId: string,
  namespace: string,
  key: string,
): Metafield | undefined {
  for (const metafield of shop.metafields.values()) {
    if (
      metafield.ownerId === ownerId &&
      metafield.namespace === namespace &&
      metafield.key === key
    ) {
      return metafield;
    }
  }
  return undefined;
}

interface SetInput {
  ownerId: string;
  key: string;
  value: string;
  namespace?: string | null;
  type?: string | null;
  compareDigest?: string | null;
}

type SetErrorCode =
  | "APP_NOT_AUTHORIZED"
  | "BLANK"
  | "INVALID"
  | "INVALID_COMPARE_DIGEST"
  | "INVALID_TYPE"
  | "INVALID_VALUE"
  | "LESS_THAN_OR_EQUAL_TO"
  | "STALE_OBJECT"
  | "TOO_LONG"
  | "TOO_SHORT";

interface SetUserError {
  code: SetErrorCode;
  elementIndex: number | null;
  field: string[];
  message: string;
}

function lengthError(
  index: number,
  name: "key" | "namespace",
  value: string,
  limits: { min: number; max: number },
): SetUserError | null {
  const field = ["metafields", String(index), name];
  if (value.length < limits.min) {
    return {
      code: "TOO_SHORT",
      elementIndex: index,
      field,
      message: `${name} is too short (minimum is ${limits.min} characters)`,
    };
  }
  if (value.length > limits.max) {
    return {
      code: "TOO_LONG",
      elementIndex: index,
      field,
      message: `${name} is too long (maximum is ${limits.max} characters)`,
    };
  }
  return null;
}

/** First problem with one input, in the order the platform reports them; null when it is valid. */
function validateSetInput(
  shop: ShopState,
  input: SetInput,
  index: number,
  namespace: string,
): SetUserError | null {
  const at = (name: string) => ["metafields", String(index), name];
  const fail = (code: SetErrorCode, name: string, message: string): SetUserError => ({
    code,
    elementIndex: index,
    field: at(name),
    message,
  });
  const keyLength = lengthError(index, "key", input.key, KEY_LENGTH);
  if (keyLength) return keyLength;
  if (!NAME_CHARACTERS.test(input.key)) {
    return fail("INVALID", "key", "key contains one or more invalid characters");
  }
  const rawNamespace = input.namespace ?? "$app";
  if (!rawNamespace.startsWith("$app")) {
    const namespaceLength = lengthError(index, "namespace", rawNamespace, NAMESPACE_LENGTH);
    if (namespaceLength) return namespaceLength;
  }
  if (!NAME_CHARACTERS.test(namespace)) {
    return fail("INVALID", "namespace", "namespace contains one or more invalid characters");
  }
  if (/^app--\d+/.test(namespace) && !namespace.startsWith(`app--${appNumericId(shop)}`)) {
    return fail(
      "APP_NOT_AUTHORIZED",
      "namespace",
      "ApiPermission metafields can only be created or updated by the app owner.",
    );
  }
  if (!ownerExists(shop, input.ownerId)) {
    return fail("INVALID", "ownerId", "Owner does not exist.");
  }
  const existing = findMetafield(shop, input.ownerId, namespace, input.key);
  const type = input.type ?? existing?.type;
  if (!type) return fail("BLANK", "type", "Type can't be blank.");
  if (!isKnownMetafieldType(type)) {
    return fail("INVALID_TYPE", "type", `Type is not a supported metafield type: ${type}`);
  }
  if (input.value === "") return fail("BLANK", "value", "Value can't be blank.");
  if (!isValidMetafieldValue(type, input.value)) {
    return fail("INVALID_VALUE", "value", `Value is invalid for type ${type}.`);
  }
  if ("compareDigest" in input) {
    const digest = input.compareDigest;
    if (digest === null || digest === undefined) {
      if (existing) {
        return fail(
          "STALE_OBJECT",
          "compareDigest",
          "The metafield already exists but compareDigest was null.",
        );
      }
    } else if (!DIGEST_FORMAT.test(digest)) {
      return fail("INVALID_COMPARE_DIGEST", "compareDigest", "The compareDigest is invalid.");
    } else if (!existing || metafieldDigest(existing) !== digest) {
      return fail(
        "STALE_OBJECT",
        "compareDigest",
        "The metafield has been modified since it was loaded.",
      );
    }
  }
  return null;
}

function metafieldsSet(_source: unknown, args: Record<string, unknown>, ctx: EmulatorContext) {
  const { shop } = ctx;
  const inputs = args.metafields as SetInput[];
  if (inputs.length > MAX_METAFIELDS_PER_SET) {
    return {
      metafields: null,
      userErrors: [
        {
          code: "LESS_THAN_OR_EQUAL_TO",
          elementIndex: null,
          field: ["metafields"],
          message: `Exceeded the maximum metafields input limit of ${MAX_METAFIELDS_PER_SET}.`,
        },
      ],
    };
  }
  const resolved = inputs.map((input) => ({
    input,
    namespace: resolveNamespace(shop, input.namespace),
  }));
  const userErrors = resolved
    .map(({ input, namespace }, index) => validateSetInput(shop, input, index, namespace))
    .filter((error): error is SetUserError => error !== null);
  // Atomic: one invalid entry and nothing is written.
  if (userErrors.length) return { metafields: null, userErrors };

  const now = ctx.clock.nowIso();
  const metafields = resolved.map(({ input, namespace }) => {
    const existing = findMetafield(shop, input.ownerId, namespace, input.key);
    const metafield: Metafield = {
      id: existing?.id ?? ctx.nextGid(shop, "Metafield"),
      ownerId: input.ownerId,
      namespace,
      key: input.key,
      type: input.type ?? existing!.type,
      value: input.value,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    shop.metafields.set(metafield.id, metafield);
    return metafield;
  });
  return { metafields, userErrors: [] };
}

function metafieldsDelete(_source: unknown, args: Record<string, unknown>, ctx: EmulatorContext) {
  const { shop } = ctx;
  const identifiers = args.metafields as { ownerId: string; namespace: string; key: string }[];
  const deletedMetafields = identifiers.map((identifier) => {
    const namespace = resolveNamespace(shop, identifier.namespace);
    const metafield = findMetafield(shop, identifier.ownerId, namespace, identifier.key);
    if (!metafield) return null;
    shop.metafields.delete(metafield.id);
    return { ownerId: metafield.ownerId, namespace: metafield.namespace, key: metafield.key };
  });
  return { deletedMetafields, userErrors: [] };
}

/** The owner id a `metafield(s)` field reads from; Shop and AppInstallation are singletons here. */
function ownerIdOf(typeName: string, source: unknown, ctx: EmulatorContext): string {
  if (typeName === "Shop") return ctx.shop.id;
  const id = (source as { id?: unknown } | null)?.id;
  if (typeof id === "string") return id;
  if (typeName === "AppInstallation") return ctx.shop.app.installationId;
  throw new Error(`emulator bug: ${typeName} source without id`);
}

interface MetafieldsArgs extends ConnectionArgs {
  namespace?: string | null;
  keys?: string[] | null;
  reverse?: boolean | null;
}

function ownerMetafieldResolvers(typeName: string): Record<string, FieldResolver> {
  return {
    metafield: (source, args, ctx) => {
      const namespace = resolveNamespace(ctx.shop, args.namespace as string | null | undefined);
      return (
        findMetafield(ctx.shop, ownerIdOf(typeName, source, ctx), namespace, args.key as string) ??
        null
      );
    },
    metafields: (source, args, ctx) => {
      const { namespace, keys, reverse, ...page } = args as MetafieldsArgs;
      const ownerId = ownerIdOf(typeName, source, ctx);
      const wantedNamespace = namespace == null ? null : resolveNamespace(ctx.shop, namespace);
      const wantedKeys = keys?.map((key) => {
        const dot = key.lastIndexOf(".");
        return `${resolveNamespace(ctx.shop, key.slice(0, dot))}.${key.slice(dot + 1)}`;
      });
      let list = [...ctx.shop.metafields.values()].filter(
        (metafield) =>
          metafield.ownerId === ownerId &&
          (wantedNamespace === null || metafield.namespace === wantedNamespace) &&
          (!wantedKeys?.length || wantedKeys.includes(`${metafield.namespace}.${metafield.key}`)),
      );
      if (reverse) list = list.reverse();
      return paginate(list, page, (metafield) => metafield.id);
    },
  };
}

function ownerObject(shop: ShopState, ownerId: string): unknown {
  const typeName = gidType(ownerId);
  switch (typeName) {
    case "Product": {
      const product = shop.products.get(ownerId);
      return product ? { __typename: "Product", ...product } : null;
    }
    case "Collection": {
      const collection = shop.collections.get(ownerId);
      return collection ? { __typename: "Collection", ...collection } : null;
    }
    default:
      return { __typename: typeName, id: ownerId };
  }
}

export const metafieldResolvers: Resolvers = {
  Mutation: { metafieldsSet, metafieldsDelete },
  Shop: ownerMetafieldResolvers("Shop"),
  AppInstallation: ownerMetafieldResolvers("AppInstallation"),
  Product: ownerMetafieldResolvers("Product"),
  ProductVariant: ownerMetafieldResolvers("ProductVariant"),
  Collection: ownerMetafieldResolvers("Collection"),
  Metafield: {
    jsonValue: (source) => {
      const metafield = source as Metafield;
      return metafieldJsonValue(metafield.type, metafield.value);
    },
    compareDigest: (source) => metafieldDigest(source as Metafield),
    legacyResourceId: (source) =>
      (source as Metafield).id.slice((source as Metafield).id.lastIndexOf("/") + 1),
    ownerType: (source) => OWNER_TYPES[gidType((source as Metafield).ownerId)],
    owner: (source, _args, ctx) => ownerObject(ctx.shop, (source as Metafield).ownerId),
    definition: () => null,
    description: () => null,
    sizeInBytes: (source) => Buffer.byteLength((source as Metafield).value),
  },
};
