/**
 * The emulator's in-memory model of a shop. This file is the contract between the GraphQL engine,
 * the resolvers, the seed generators, the storefront and the webhook sender: plain data, no
 * behaviour. Ids are Admin API GIDs (`gid://shopify/Product/123`). Money is a decimal string in the
 * shop's currency ("199.00"), never a float. Instants are ISO-8601 UTC strings.
 */

export type Gid = string;
export type IsoInstant = string;
export type Decimal = string;

export type ProductStatus = "ACTIVE" | "ARCHIVED" | "DRAFT" | "UNLISTED";
export type MatchType = "ALL" | "ANY";
export type CollectionSortOrder =
  | "ALPHA_ASC"
  | "ALPHA_DESC"
  | "BEST_SELLING"
  | "CREATED"
  | "CREATED_DESC"
  | "MANUAL"
  | "MOST_RELEVANT"
  | "PRICE_ASC"
  | "PRICE_DESC";
export type ThemeRole = "ARCHIVED" | "DEMO" | "DEVELOPMENT" | "LOCKED" | "MAIN" | "UNPUBLISHED";

export interface Variant {
  id: Gid;
  title: string;
  sku: string;
  price: Decimal;
  compareAtPrice: Decimal | null;
  /** Unit cost (InventoryItem.unitCost); null when the merchant never entered one. */
  cost: Decimal | null;
  inventoryQuantity: number;
  weightGrams: number;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

export interface Product {
  id: Gid;
  title: string;
  handle: string;
  descriptionHtml: string;
  vendor: string;
  productType: string;
  tags: string[];
  status: ProductStatus;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
  publishedAt: IsoInstant | null;
  /** Publications (sales channels) the product is published on. */
  publicationIds: Gid[];
  variants: Variant[];
}

/** Inclusion condition kinds: the keys of `CollectionSourceInclusionConditionInput`. */
export type InclusionConditionKind =
  | "productTag"
  | "productTitle"
  | "productType"
  | "productVendor"
  | "productStatus"
  | "productCategory"
  | "variantTitle"
  | "variantPrice"
  | "variantCompareAtPrice"
  | "variantInventory"
  | "variantWeight"
  | "metafieldBoolean"
  | "metafieldInteger"
  | "metafieldDecimal"
  | "metafieldString"
  | "metafieldStringList"
  | "metafieldMetaobject"
  | "metafieldMetaobjectList";

/** Exclusion condition kinds: the keys of `CollectionSourceExclusionConditionInput`. */
export type ExclusionConditionKind =
  "collection" | "productTag" | "productType" | "productVendor" | "productCategory";

/**
 * One condition as stored. Multi-value kinds use `matchType` + `values`; single-value kinds use
 * `value` (a MoneyInput `{amount, currencyCode}`, an Int, a WeightInput, a Boolean...) exactly as
 * the input carried it. `relation` is the enum value as sent (e.g. "TAGGED_WITH").
 */
export interface StoredCondition<K extends string> {
  id: Gid;
  kind: K;
  relation: string | null;
  matchType: MatchType | null;
  values: unknown[] | null;
  value: unknown;
  definitionId: Gid | null;
}

export interface InclusionSelection {
  productId: Gid;
  /** null = the whole product. */
  variantIds: Gid[] | null;
}

export interface ConditionsSource {
  kind: "conditions";
  id: Gid;
  title: string;
  description: string | null;
  targetType: "PRODUCTS" | "VARIANTS";
  shareable: boolean;
  inclusion: {
    matchType: MatchType | null;
    conditions: StoredCondition<InclusionConditionKind>[];
    selections: InclusionSelection[];
  };
  exclusion: {
    matchType: MatchType | null;
    conditions: StoredCondition<ExclusionConditionKind>[];
    selections: { productId: Gid }[];
  } | null;
}

export interface SubCollectionsSource {
  kind: "subCollections";
  id: Gid;
  title: string;
  description: string | null;
  collectionIds: Gid[];
}

export type CollectionSource = ConditionsSource | SubCollectionsSource;

export interface Collection {
  id: Gid;
  title: string;
  handle: string;
  descriptionHtml: string;
  seo: { title: string | null; description: string | null };
  sortOrder: CollectionSortOrder;
  templateSuffix: string | null;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
  sources: CollectionSource[];
  /**
   * Product ids in the merchant's manual order (used when sortOrder is MANUAL). Members not listed
   * here follow, in the order they joined.
   */
  manualOrder: Gid[];
  publicationIds: Gid[];
}

export interface Publication {
  id: Gid;
  /** Publication.catalog.title (Publication.name is deprecated). */
  title: string;
  /** True for the Online Store channel (the storefront renders only what is published there). */
  onlineStore: boolean;
}

export interface ThemeFile {
  filename: string;
  /** Text content; binary assets are stored base64 with `base64: true`. */
  content: string;
  base64: boolean;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

export interface Theme {
  id: Gid;
  name: string;
  role: ThemeRole;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
  files: Map<string, ThemeFile>;
}

export interface Metafield {
  id: Gid;
  ownerId: Gid;
  /** Resolved namespace: `$app` is stored as `app--<appId>`, as Shopify does. */
  namespace: string;
  key: string;
  type: string;
  value: string;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

export interface MetaobjectFieldDefinition {
  key: string;
  type: string;
  name: string | null;
  required: boolean;
}

export interface MetaobjectDefinition {
  id: Gid;
  /** Resolved type: `$app:campaign` is stored as `app--<appId>--campaign`. */
  type: string;
  name: string;
  displayNameKey: string | null;
  storefrontAccess: "NONE" | "PUBLIC_READ";
  fieldDefinitions: MetaobjectFieldDefinition[];
  createdAt: IsoInstant;
}

export interface Metaobject {
  id: Gid;
  type: string;
  handle: string;
  fields: Record<string, string | null>;
  status: "ACTIVE" | "DRAFT";
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

export interface OrderLineItem {
  id: Gid;
  productId: Gid | null;
  variantId: Gid | null;
  title: string;
  quantity: number;
  /** Unit price before discounts. */
  price: Decimal;
  /** Discount allocated to the whole line. */
  discount: Decimal;
}

export interface OrderRefund {
  id: Gid;
  createdAt: IsoInstant;
  /** Total refunded in this refund (lines + shipping). */
  amount: Decimal;
  lines: { lineItemId: Gid; quantity: number }[];
}

export interface Order {
  id: Gid;
  name: string;
  createdAt: IsoInstant;
  processedAt: IsoInstant;
  updatedAt: IsoInstant;
  cancelledAt: IsoInstant | null;
  test: boolean;
  currencyCode: string;
  subtotal: Decimal;
  totalDiscounts: Decimal;
  totalShipping: Decimal;
  totalTax: Decimal;
  total: Decimal;
  lineItems: OrderLineItem[];
  refunds: OrderRefund[];
}

/** Storefront traffic for one day in the shop's time zone. */
export interface DailyTraffic {
  date: string; // YYYY-MM-DD in the shop's zone
  sessions: number;
  sessionsWithCartAdditions: number;
  sessionsThatReachedCheckout: number;
}

export interface AnalyticsAnnotation {
  id: Gid;
  title: string;
  description: string | null;
  type: string;
  startedAt: IsoInstant;
  endedAt: IsoInstant | null;
  /** The app that created it; null for SHOPIFY-sourced annotations. */
  appId: Gid | null;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

export interface AutomaticDiscount {
  id: Gid;
  title: string;
  startsAt: IsoInstant;
  endsAt: IsoInstant | null;
  /** The DiscountAutomaticBasicInput as accepted (customerGets, minimumRequirement, combinesWith...). */
  input: Record<string, unknown>;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

export type BulkOperationStatus =
  "CANCELED" | "CANCELING" | "COMPLETED" | "CREATED" | "EXPIRED" | "FAILED" | "RUNNING";

export interface BulkOperation {
  id: Gid;
  type: "QUERY" | "MUTATION";
  status: BulkOperationStatus;
  errorCode: "ACCESS_DENIED" | "INTERNAL_SERVER_ERROR" | "TIMEOUT" | null;
  query: string;
  createdAt: IsoInstant;
  completedAt: IsoInstant | null;
  objectCount: number;
  rootObjectCount: number;
  fileSize: number | null;
  /** Key of the result file in `ShopState.files` (served at a local URL). */
  resultKey: string | null;
  partialResultKey: string | null;
}

export interface Job {
  id: Gid;
  /** Emulator-clock instant at which `done` flips to true. */
  doneAt: IsoInstant;
}

/** One entry of the mutation log the control API exposes. */
export interface MutationLogEntry {
  at: IsoInstant;
  operationName: string | null;
  /** Root mutation fields executed. */
  fields: string[];
  variables: Record<string, unknown>;
}

export interface WebhookDelivery {
  id: string; // X-Shopify-Webhook-Id
  eventId: string;
  topic: string; // e.g. "collections/update"
  shop: string;
  payload: unknown;
  triggeredAt: IsoInstant;
  attempts: { at: IsoInstant; status: number | null; error: string | null }[];
  delivered: boolean;
}

export interface RateLimitBucket {
  maximumAvailable: number;
  restoreRate: number;
  currentlyAvailable: number;
  /** Real-time (Date.now()) milliseconds of the last refill computation. */
  refilledAtMs: number;
}

export type ShopPlan = "BASIC" | "STANDARD" | "ADVANCED" | "PLUS";

export interface ShopState {
  domain: string; // e.g. "merchdesk-demo.myshopify.com"
  id: Gid;
  name: string;
  email: string;
  currencyCode: string;
  ianaTimezone: string;
  plan: ShopPlan;
  /** The one installed app this emulator serves for the shop. */
  app: {
    id: Gid;
    installationId: Gid;
    handle: string;
    accessToken: string;
    scopes: string[];
    /**
     * Shopify's exemption that lets an app write theme files and publish/duplicate themes; without
     * it `write_themes` alone is refused (SHOPIFY-PLATFORM.md §3.1).
     */
    themeWriteExemption: boolean;
  };
  bucket: RateLimitBucket;
  products: Map<Gid, Product>;
  collections: Map<Gid, Collection>;
  publications: Publication[];
  themes: Map<Gid, Theme>;
  metafields: Map<Gid, Metafield>;
  metaobjectDefinitions: Map<Gid, MetaobjectDefinition>;
  metaobjects: Map<Gid, Metaobject>;
  /** Sorted by createdAt ascending. */
  orders: Order[];
  traffic: DailyTraffic[];
  annotations: Map<Gid, AnalyticsAnnotation>;
  discounts: Map<Gid, AutomaticDiscount>;
  bulkOperations: Map<Gid, BulkOperation>;
  jobs: Map<Gid, Job>;
  /** Staged uploads and bulk results: key -> file body. */
  files: Map<string, string>;
  mutationLog: MutationLogEntry[];
  /** Past merchant actions the seed planted, with the true effect it gave them. */
  seededActions: SeededAction[];
  /** Next numeric id per resource type, so ids stay deterministic. */
  nextId: Map<string, number>;
}

/** A past action planted by the seed, with its known true effect (ground truth for impact tests). */
export interface SeededAction {
  id: string;
  title: string;
  kind: "collection_change" | "homepage_campaign" | "price_rule" | "manual";
  startedAt: IsoInstant;
  endedAt: IsoInstant | null;
  collectionIds: Gid[];
  /** KPI name ("conversion_rate", "net_sales", "orders"...) -> true relative lift (0.08 = +8 %). */
  trueLift: Record<string, number>;
}
