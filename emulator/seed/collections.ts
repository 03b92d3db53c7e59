import { nextGid } from "../store/shop";
import type {
  Collection,
  CollectionSortOrder,
  ConditionsSource,
  ExclusionConditionKind,
  Gid,
  InclusionConditionKind,
  MatchType,
  Product,
  ShopState,
  StoredCondition,
} from "../store/types";
import { HandleRegistry, slugify } from "./products";
import type { Random } from "./random";

/**
 * The demo shop's ~40 collections in the 2026-07+ "sources" model: manual ones (one conditions
 * source holding only selections), condition ones (typed conditions, some with exclusions) and a
 * few sub-collection ones. Handles are stable so themes, tests and seeded actions can refer to
 * them.
 */

type InclusionSpec = {
  kind: InclusionConditionKind;
  relation: string;
  values?: unknown[];
  value?: unknown;
  matchType?: MatchType;
};
type ExclusionSpec = {
  kind: ExclusionConditionKind;
  relation: string | null;
  /** For the `collection` kind: handles of other seeded collections. */
  values: unknown[];
};

interface BaseSpec {
  title: string;
  handle?: string;
  description: string;
  sortOrder: CollectionSortOrder;
  /** False for the couple of collections that are not on the Online Store. */
  published?: boolean;
}
interface ManualSpec extends BaseSpec {
  kind: "manual";
  pick: (p: Product) => boolean;
  size: number;
}
interface ConditionSpec extends BaseSpec {
  kind: "conditions";
  matchType: MatchType;
  inclusion: InclusionSpec[];
  exclusion?: ExclusionSpec[];
  /** Pinned products at the top when sortOrder is MANUAL. */
  pinned?: (p: Product) => boolean;
}
interface SubCollectionSpec extends BaseSpec {
  kind: "subCollections";
  children: string[];
}
type CollectionSpec = ManualSpec | ConditionSpec | SubCollectionSpec;

const JACKETS = ["Shell Jacket", "Down Jacket", "Rain Jacket", "Softshell Jacket"];
const sek = (amount: string) => ({ amount, currencyCode: "SEK" });
const typeIs = (...types: string[]): InclusionSpec => ({
  kind: "productType",
  relation: "EQUALS",
  values: types,
  matchType: "ANY",
});
const tagged = (...tags: string[]): InclusionSpec => ({
  kind: "productTag",
  relation: "TAGGED_WITH",
  values: tags,
  matchType: "ANY",
});
const hasTag = (p: Product, tag: string) => p.tags.includes(tag);
const active = (p: Product) => p.status === "ACTIVE";

/** Handles of collections other seed modules refer to. */
export const SEEDED_COLLECTION_HANDLES = {
  autumnFavourites: "hostfavoriter",
  campaignWeek: "fjallveckan",
  sleepingGear: "sovsackar-och-liggunderlag",
  blackFriday: "black-friday",
  homeFeatured: "startsidan-utvalda",
  jackets: "jackor",
  winterGear: "vinterutrustning",
} as const;

// One row per entry, so the list reads as a table.
// prettier-ignore
export const COLLECTION_SPECS: CollectionSpec[] = [
  // Manual collections: the merchant hand-picks products.
  { kind: "manual", title: "Personalens favoriter", description: "Det vi själva packar när vi går till fjälls.", sortOrder: "MANUAL", size: 24, pick: (p) => active(p) && hasTag(p, "personalens-favorit") },
  { kind: "manual", title: "Höstfavoriter", handle: SEEDED_COLLECTION_HANDLES.autumnFavourites, description: "Jackor och lager för höstens turer.", sortOrder: "MANUAL", size: 30, pick: (p) => active(p) && (JACKETS.includes(p.productType) || p.productType === "Fleece") },
  { kind: "manual", title: "Fjällveckan", handle: SEEDED_COLLECTION_HANDLES.campaignWeek, description: "Kampanjveckan för fjällvandrare.", sortOrder: "MANUAL", size: 20, pick: (p) => active(p) && (hasTag(p, "vandring") || hasTag(p, "fjäll")) },
  { kind: "manual", title: "Presenttips under 500 kr", description: "Små paket som gör stor skillnad.", sortOrder: "BEST_SELLING", size: 30, pick: (p) => active(p) && Number(p.variants[0].price) < 500 },
  { kind: "manual", title: "Julklappstips", description: "Varma julklappar till hela familjen.", sortOrder: "MANUAL", size: 24, pick: (p) => active(p) && (hasTag(p, "presenttips") || hasTag(p, "ull")) },
  { kind: "manual", title: "Startsidan – utvalda", handle: SEEDED_COLLECTION_HANDLES.homeFeatured, description: "", sortOrder: "MANUAL", size: 8, pick: (p) => active(p) && hasTag(p, "bestseller") },
  { kind: "manual", title: "Black Friday", handle: SEEDED_COLLECTION_HANDLES.blackFriday, description: "Black Week-erbjudanden. Förbereds – publiceras inför kampanjen.", sortOrder: "MANUAL", size: 40, published: false, pick: (p) => active(p) && (hasTag(p, "rea") || hasTag(p, "bestseller")) },
  { kind: "manual", title: "Outlet – sista chansen", description: "Sista storlekarna till riktigt bra priser.", sortOrder: "PRICE_ASC", size: 30, pick: (p) => active(p) && hasTag(p, "rea") },
  { kind: "manual", title: "Ambassadörernas val", description: "Våra ambassadörer tipsar.", sortOrder: "MANUAL", size: 16, pick: (p) => active(p) && Number(p.variants[0].price) > 900 },
  { kind: "manual", title: "Fjällvik Essentials", description: "Basplagg från vårt eget märke.", sortOrder: "ALPHA_ASC", size: 20, pick: (p) => active(p) && p.vendor === "Fjällvik" },
  { kind: "manual", title: "Intern: restlager", description: "Intern lista inför inventering.", sortOrder: "CREATED", size: 25, published: false, pick: (p) => p.status !== "DRAFT" && p.variants.some((v) => v.inventoryQuantity === 0) },
  { kind: "manual", title: "Svensktillverkat", description: "Tillverkat i Sverige.", sortOrder: "MANUAL", size: 18, pick: (p) => active(p) && hasTag(p, "svensktillverkat") },

  // Condition collections: membership follows typed conditions.
  { kind: "conditions", title: "Jackor", handle: SEEDED_COLLECTION_HANDLES.jackets, description: "Skaljackor, dunjackor och regnjackor.", sortOrder: "MANUAL", matchType: "ANY", inclusion: [typeIs(...JACKETS)], pinned: (p) => active(p) && hasTag(p, "bestseller") && JACKETS.includes(p.productType) },
  { kind: "conditions", title: "Byxor", description: "Vandringsbyxor, skidbyxor och shorts.", sortOrder: "BEST_SELLING", matchType: "ANY", inclusion: [typeIs("Hiking Trousers", "Ski Pants", "Shorts")] },
  { kind: "conditions", title: "Underställ", description: "Merino och syntet närmast kroppen.", sortOrder: "BEST_SELLING", matchType: "ANY", inclusion: [typeIs("Base Layer", "Base Layer Bottoms")] },
  { kind: "conditions", title: "Skor", description: "Kängor och trailskor.", sortOrder: "BEST_SELLING", matchType: "ANY", inclusion: [typeIs("Hiking Boots", "Trail Shoes", "Winter Boots")] },
  { kind: "conditions", title: "Ryggsäckar", description: "Från dagstur till långfärd.", sortOrder: "PRICE_ASC", matchType: "ANY", inclusion: [typeIs("Backpack", "Daypack")] },
  { kind: "conditions", title: "Tält", description: "Tält för fjäll och skog.", sortOrder: "PRICE_DESC", matchType: "ANY", inclusion: [typeIs("Tent")] },
  { kind: "conditions", title: "Sovsäckar & liggunderlag", handle: SEEDED_COLLECTION_HANDLES.sleepingGear, description: "Sov gott under bar himmel.", sortOrder: "BEST_SELLING", matchType: "ANY", inclusion: [typeIs("Sleeping Bag", "Sleeping Mat")] },
  { kind: "conditions", title: "Kök & matlagning", description: "Stormkök och kokkärl.", sortOrder: "ALPHA_ASC", matchType: "ANY", inclusion: [typeIs("Stove", "Cookware")] },
  { kind: "conditions", title: "Mössor & handskar", description: "Håll värmen.", sortOrder: "BEST_SELLING", matchType: "ANY", inclusion: [typeIs("Beanie", "Gloves")] },
  { kind: "conditions", title: "Strumpor", description: "Ullstrumpor för alla väder.", sortOrder: "BEST_SELLING", matchType: "ANY", inclusion: [typeIs("Socks")] },
  { kind: "conditions", title: "Accessoarer", description: "Lampor, knivar och flaskor.", sortOrder: "ALPHA_ASC", matchType: "ANY", inclusion: [tagged("accessoarer")] },
  { kind: "conditions", title: "Merino & ull", description: "Naturens egen funktionsfiber.", sortOrder: "BEST_SELLING", matchType: "ANY", inclusion: [tagged("merino", "ull")] },
  { kind: "conditions", title: "Vattentätt", description: "Torr i alla väder.", sortOrder: "BEST_SELLING", matchType: "ANY", inclusion: [tagged("vattentät")] },
  { kind: "conditions", title: "Hållbart val", description: "Återvunnet, PFC-fritt och ekologiskt.", sortOrder: "CREATED_DESC", matchType: "ANY", inclusion: [tagged("återvunnet", "pfc-fri", "ekologisk", "hållbart")] },
  { kind: "conditions", title: "Nyheter", description: "Det senaste i butiken.", sortOrder: "CREATED_DESC", matchType: "ANY", inclusion: [tagged("nyhet")] },
  { kind: "conditions", title: "Rea", description: "Nedsatta priser.", sortOrder: "PRICE_ASC", matchType: "ANY", inclusion: [{ kind: "variantCompareAtPrice", relation: "IS_SET" }] },
  { kind: "conditions", title: "Barn", description: "Kläder för små äventyrare.", sortOrder: "BEST_SELLING", matchType: "ANY", inclusion: [tagged("barn")] },
  { kind: "conditions", title: "Fjällvik", description: "Vårt eget märke.", sortOrder: "BEST_SELLING", matchType: "ANY", inclusion: [{ kind: "productVendor", relation: "EQUALS", values: ["Fjällvik"], matchType: "ANY" }] },
  { kind: "conditions", title: "Abisko Wool", description: "Ull från Abisko Wool.", sortOrder: "ALPHA_ASC", matchType: "ANY", inclusion: [{ kind: "productVendor", relation: "EQUALS", values: ["Abisko Wool"], matchType: "ANY" }] },
  { kind: "conditions", title: "Under 500 kr", description: "Bra grejer till bra pris.", sortOrder: "PRICE_ASC", matchType: "ANY", inclusion: [{ kind: "variantPrice", relation: "LESS_THAN", value: sek("500.00") }] },
  { kind: "conditions", title: "Premium", description: "Det bästa för de tuffaste förhållandena.", sortOrder: "PRICE_DESC", matchType: "ALL", inclusion: [{ kind: "variantPrice", relation: "GREATER_THAN", value: sek("3000.00") }, { kind: "productStatus", relation: "EQUALS", values: ["ACTIVE"], matchType: "ANY" }] },
  { kind: "conditions", title: "Damjackor", description: "Jackor för dam, utan reavaror.", sortOrder: "BEST_SELLING", matchType: "ALL", inclusion: [typeIs(...JACKETS), tagged("dam")], exclusion: [{ kind: "productTag", relation: "TAGGED_WITH", values: ["rea"] }] },
  { kind: "conditions", title: "Herrjackor", description: "Jackor för herr, utan reavaror.", sortOrder: "BEST_SELLING", matchType: "ALL", inclusion: [typeIs(...JACKETS), tagged("herr")], exclusion: [{ kind: "productTag", relation: "TAGGED_WITH", values: ["rea"] }] },
  { kind: "conditions", title: "Vandringskläder", description: "Kläder för vandring, utan skor och reavaror.", sortOrder: "BEST_SELLING", matchType: "ANY", inclusion: [tagged("vandring")], exclusion: [{ kind: "productType", relation: "EQUALS", values: ["Hiking Boots", "Trail Shoes"] }, { kind: "collection", relation: null, values: ["rea"] }] },
  { kind: "conditions", title: "Ull utan Fjällvik", description: "Ullplagg från våra partnermärken.", sortOrder: "ALPHA_DESC", matchType: "ANY", inclusion: [tagged("ull")], exclusion: [{ kind: "productVendor", relation: "EQUALS", values: ["Fjällvik"] }] },

  // Sub-collection collections: members are the union of other collections' members.
  { kind: "subCollections", title: "Camping", description: "Allt för natten ute.", sortOrder: "BEST_SELLING", children: ["talt", "sovsackar-och-liggunderlag", "kok-och-matlagning"] },
  { kind: "subCollections", title: "Vinterutrustning", handle: SEEDED_COLLECTION_HANDLES.winterGear, description: "Klä dig för kylan.", sortOrder: "BEST_SELLING", children: ["mossor-och-handskar", "understall", "jackor"] },
  { kind: "subCollections", title: "Vandring", description: "Skor, ryggsäckar och byxor.", sortOrder: "BEST_SELLING", children: ["skor", "ryggsackar", "byxor"] },
];

function storedCondition<K extends string>(
  shop: ShopState,
  kind: K,
  relation: string | null,
  matchType: MatchType | null,
  values: unknown[] | null,
  value: unknown,
): StoredCondition<K> {
  return {
    id: nextGid(shop, "CollectionSourceCondition"),
    kind,
    relation,
    matchType,
    values,
    value,
    definitionId: null,
  };
}

export interface CollectionSeedOptions {
  nowMs: number;
  spanMs: number;
  onlineStoreId: Gid;
  pointOfSaleId: Gid;
}

/** Creates the collections (manual, condition, sub-collection) and returns them by handle. */
export function seedCollections(
  shop: ShopState,
  rng: Random,
  products: Product[],
  options: CollectionSeedOptions,
): Map<string, Collection> {
  const byHandle = new Map<string, Collection>();
  const handles = new HandleRegistry();
  const startMs = options.nowMs - options.spanMs;
  const createdTimes = COLLECTION_SPECS.map(
    () => startMs + rng.next() * (options.nowMs - startMs) * 0.8,
  ).sort((a, b) => a - b);

  COLLECTION_SPECS.forEach((spec, index) => {
    const createdMs = createdTimes[index];
    const createdAt = new Date(createdMs).toISOString();
    const id = nextGid(shop, "Collection");
    const handle = handles.take(spec.handle ?? slugify(spec.title));
    const collection: Collection = {
      id,
      title: spec.title,
      handle,
      descriptionHtml: spec.description ? `<p>${spec.description}</p>` : "",
      seo: { title: null, description: null },
      sortOrder: spec.sortOrder,
      templateSuffix: null,
      createdAt,
      updatedAt: new Date(createdMs + rng.next() * (options.nowMs - createdMs)).toISOString(),
      sources: [],
      manualOrder: [],
      publicationIds: [],
    };
    if (spec.published !== false) {
      collection.publicationIds.push(options.onlineStoreId);
      if (rng.chance(0.3)) collection.publicationIds.push(options.pointOfSaleId);
    }

    if (spec.kind === "manual") {
      const candidates = products.filter(spec.pick);
      const chosen = rng.sample(candidates, spec.size).map((p) => p.id);
      collection.sources.push(manualSource(shop, chosen));
      collection.manualOrder = chosen.slice();
    } else if (spec.kind === "conditions") {
      collection.sources.push(conditionsSource(shop, spec, byHandle));
      if (spec.pinned) {
        collection.manualOrder = rng.sample(products.filter(spec.pinned), 6).map((p) => p.id);
      }
    } else {
      collection.sources.push({
        kind: "subCollections",
        id: nextGid(shop, "CollectionSource"),
        title: "Underkollektioner",
        description: null,
        collectionIds: spec.children.map((h) => {
          const child = byHandle.get(h);
          if (!child) throw new Error(`seed: sub-collection child "${h}" is not defined earlier`);
          return child.id;
        }),
      });
    }
    shop.collections.set(id, collection);
    byHandle.set(handle, collection);
  });
  return byHandle;
}

function manualSource(shop: ShopState, productIds: Gid[]): ConditionsSource {
  return {
    kind: "conditions",
    id: nextGid(shop, "CollectionSource"),
    title: "Manuellt urval",
    description: null,
    targetType: "PRODUCTS",
    shareable: false,
    inclusion: {
      matchType: null,
      conditions: [],
      selections: productIds.map((productId) => ({ productId, variantIds: null })),
    },
    exclusion: null,
  };
}

function conditionsSource(
  shop: ShopState,
  spec: ConditionSpec,
  byHandle: Map<string, Collection>,
): ConditionsSource {
  const inclusion = spec.inclusion.map((c) =>
    storedCondition(
      shop,
      c.kind,
      c.relation,
      c.matchType ?? null,
      c.values ?? null,
      c.value ?? null,
    ),
  );
  const exclusion = (spec.exclusion ?? []).map((c) => {
    const values =
      c.kind === "collection"
        ? c.values.map((h) => {
            const target = byHandle.get(String(h));
            if (!target) throw new Error(`seed: excluded collection "${String(h)}" is not defined`);
            return target.id;
          })
        : c.values;
    return storedCondition(shop, c.kind, c.relation, "ANY", values, null);
  });
  return {
    kind: "conditions",
    id: nextGid(shop, "CollectionSource"),
    title: "Villkor",
    description: null,
    targetType: "PRODUCTS",
    shareable: false,
    inclusion: { matchType: spec.matchType, conditions: inclusion, selections: [] },
    exclusion:
      exclusion.length > 0
        ? { matchType: exclusionMatchType(exclusion), conditions: exclusion, selections: [] }
        : null,
  };
}

/** Collection exclusions always combine with ANY; the platform reports null for a mixed list. */
function exclusionMatchType(
  conditions: StoredCondition<ExclusionConditionKind>[],
): MatchType | null {
  const hasCollection = conditions.some((c) => c.kind === "collection");
  const hasOther = conditions.some((c) => c.kind !== "collection");
  return hasCollection && hasOther ? null : "ANY";
}
