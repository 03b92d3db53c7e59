import { nextGid } from "../store/shop";
import type { Gid, Product, ProductStatus, ShopState, Variant } from "../store/types";
import {
  ADJECTIVES_SV,
  APPAREL_SIZES,
  COLOURS,
  EXTRA_TAGS,
  FITS,
  GLOVE_SIZES,
  KIDS_SIZES,
  LINE_SUFFIXES,
  MODEL_NAMES,
  PRODUCT_TYPES,
  SHOE_SIZES,
  VENDORS,
  type ProductTypeSpec,
} from "./catalog-data";
import { formatCents } from "./money";
import { cumulativeWeights, type Random } from "./random";

export interface ProductSeedOptions {
  count: number;
  nowMs: number;
  /** How far back the oldest product was created. */
  spanMs: number;
  /** Upper bound on variants per product (the large store keeps it low to save memory). */
  maxVariants: number;
  onlineStoreId: Gid;
  /** Other channels products are commonly published on (Point of Sale, Shop). */
  otherPublicationIds: Gid[];
}

const typeShares = cumulativeWeights(PRODUCT_TYPES.map((t) => t.share));

/** Strings that repeat across many variants (option combinations) are stored once. */
const internedTitles = new Map<string, string>();
function intern(text: string): string {
  const hit = internedTitles.get(text);
  if (hit !== undefined) return hit;
  internedTitles.set(text, text);
  return text;
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o")
    .replace(/é/g, "e")
    .replace(/&/g, "och")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Unique handles: "sarek-skaljacka-dam", then "sarek-skaljacka-dam-2", as the admin does. */
export class HandleRegistry {
  private readonly used = new Map<string, number>();
  take(base: string): string {
    const n = this.used.get(base);
    if (n === undefined) {
      this.used.set(base, 1);
      return base;
    }
    let next = n + 1;
    while (this.used.has(`${base}-${next}`)) next++;
    this.used.set(base, next);
    this.used.set(`${base}-${next}`, 1);
    return `${base}-${next}`;
  }
}

/** A shelf price ending in 9: 1234 -> 1249, 480 -> 499, 150 -> 149. */
function shelfPrice(sek: number): number {
  if (sek < 200) return Math.max(49, Math.round(sek / 10) * 10 - 1);
  if (sek < 1000) return Math.round(sek / 50) * 50 - 1;
  return Math.round(sek / 100) * 100 - 1;
}

/** Creation instants: a third of the range existed at launch, the rest arrived steadily. */
function creationTimes(rng: Random, count: number, startMs: number, nowMs: number): number[] {
  const launchWindow = 60 * 86_400_000;
  const times: number[] = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    times[i] = rng.chance(0.35)
      ? startMs + rng.next() * launchWindow
      : startMs + rng.next() * (nowMs - startMs - 3_600_000);
  }
  return times.sort((a, b) => a - b);
}

interface VariantOption {
  title: string;
  sizeIndex: number;
}

function variantOptions(rng: Random, spec: ProductTypeSpec, fit: string | null, max: number) {
  const colours = rng.sample(COLOURS, spec.scheme === "colourOnly" ? rng.int(1, 4) : rng.int(1, 3));
  let sizes: string[] = [];
  if (spec.scheme === "apparel") {
    const pool = fit === "Barn" || spec.type === "Kids Overall" ? KIDS_SIZES : APPAREL_SIZES;
    const from = rng.int(0, 1);
    sizes = pool.slice(from, from + rng.int(4, pool.length - from));
  } else if (spec.scheme === "shoes") {
    const from = fit === "Herr" ? 4 : 0;
    sizes = SHOE_SIZES.slice(from, from + (fit === "Unisex" ? 11 : 7));
  } else if (spec.scheme === "gloves") {
    sizes = GLOVE_SIZES;
  }
  const options: VariantOption[] = [];
  if (spec.scheme === "single") {
    options.push({ title: "Default Title", sizeIndex: 0 });
  } else if (sizes.length === 0) {
    for (const c of colours) options.push({ title: c, sizeIndex: 0 });
  } else {
    const usedColours = spec.scheme === "shoes" ? colours.slice(0, 1) : colours;
    for (const c of usedColours) {
      for (let s = 0; s < sizes.length; s++) {
        options.push({ title: intern(`${sizes[s]} / ${c}`), sizeIndex: s });
      }
    }
  }
  // Keep the middle of the size run when capping: a shop stocks M and L before XS and XXL.
  if (options.length > max) {
    const start = Math.floor((options.length - max) / 2);
    return options.slice(start, start + max);
  }
  return options;
}

function pickStatus(rng: Random, ageMs: number): ProductStatus {
  const r = rng.next();
  if (ageMs < 14 * 86_400_000) return r < 0.35 ? "DRAFT" : "ACTIVE";
  if (r < 0.06) return "DRAFT";
  if (r < 0.11) return "ARCHIVED";
  return "ACTIVE";
}

/**
 * Generates the catalogue into `shop.products` in creation order (ids ascend with createdAt) and
 * returns the products in that order.
 */
export function seedProducts(shop: ShopState, rng: Random, options: ProductSeedOptions): Product[] {
  const { count, nowMs } = options;
  const startMs = nowMs - options.spanMs;
  const modelVendor = new Map<string, string>();
  for (const model of MODEL_NAMES) {
    modelVendor.set(model, rng.chance(0.25) ? VENDORS[0] : rng.pick(VENDORS));
  }
  const handles = new HandleRegistry();
  const titlesSeen = new Set<string>();
  const created = creationTimes(rng, count, startMs, nowMs);
  const products: Product[] = [];

  for (let i = 0; i < count; i++) {
    const spec = PRODUCT_TYPES[rng.weightedIndex(typeShares)];
    const fit = spec.gendered ? (rng.chance(0.12) ? "Barn" : rng.pick(FITS.slice(0, 3))) : null;
    let title = "";
    let model = "";
    // A few attempts at a fresh title; the large store runs out of combinations and repeats.
    for (let attempt = 0; attempt < 4; attempt++) {
      model = rng.pick(MODEL_NAMES);
      const suffix = rng.pick(LINE_SUFFIXES);
      title = `${model}${suffix ? ` ${suffix}` : ""} ${spec.noun}${fit ? ` ${fit}` : ""}`;
      if (!titlesSeen.has(title)) break;
    }
    if (count <= 20_000) titlesSeen.add(title);
    const vendor = rng.chance(0.8) ? modelVendor.get(model)! : rng.pick(VENDORS);
    const createdMs = Math.floor(created[i]);
    const createdAt = new Date(createdMs).toISOString();
    const updatedAt = new Date(createdMs + rng.next() * (nowMs - createdMs)).toISOString();
    const status = pickStatus(rng, nowMs - createdMs);

    const tags = rng.sample(spec.tags, rng.int(1, spec.tags.length));
    tags.push(fit ? fit.toLowerCase() : spec.type === "Kids Overall" ? "barn" : "unisex");
    for (const extra of rng.sample(EXTRA_TAGS, rng.int(0, 2))) tags.push(extra);
    if (nowMs - createdMs < 60 * 86_400_000 && !tags.includes("nyhet")) tags.push("nyhet");

    const base = shelfPrice(spec.price[0] + rng.next() * (spec.price[1] - spec.price[0]));
    const onSale = rng.chance(0.14);
    const priceSek = onSale ? shelfPrice(base * (0.6 + rng.next() * 0.2)) : base;
    if (onSale) tags.push("rea");
    const price = formatCents(priceSek * 100);
    const compareAtPrice = onSale ? formatCents(base * 100) : null;
    // Unit cost excludes VAT: roughly 40-55 % of the net price, missing for a few products.
    const cost = rng.chance(0.06)
      ? null
      : formatCents(Math.round(((base * 100) / 1.25) * (0.4 + rng.next() * 0.15)));
    const weight = rng.int(spec.weightGrams[0], spec.weightGrams[1]);

    const id = nextGid(shop, "Product");
    const skuStem = `FV${10000 + i}`;
    const variants: Variant[] = variantOptions(rng, spec, fit, options.maxVariants).map(
      (option, v) => ({
        id: nextGid(shop, "ProductVariant"),
        title: option.title,
        sku: `${skuStem}-${v + 1}`,
        price,
        compareAtPrice,
        cost,
        inventoryQuantity: rng.chance(0.1) ? 0 : Math.floor(1 + rng.next() * rng.next() * 60),
        weightGrams: weight,
        createdAt,
        updatedAt,
      }),
    );

    const publicationIds: Gid[] = [];
    if (status === "ACTIVE") {
      publicationIds.push(options.onlineStoreId);
      for (const pid of options.otherPublicationIds) if (rng.chance(0.7)) publicationIds.push(pid);
    }
    const adjective = rng.pick(ADJECTIVES_SV);
    const product: Product = {
      id,
      title,
      handle: handles.take(slugify(title)),
      descriptionHtml: `<p>${adjective[0].toUpperCase()}${adjective.slice(1)} ${spec.noun.toLowerCase()} från ${vendor}.</p>`,
      vendor,
      productType: spec.type,
      tags,
      status,
      createdAt,
      updatedAt,
      publishedAt: status === "ACTIVE" ? createdAt : null,
      publicationIds,
      variants,
    };
    shop.products.set(id, product);
    products.push(product);
  }
  return products;
}
