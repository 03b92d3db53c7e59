/**
 * Vocabulary of the demo shop, Fjällvik Outdoor: a Swedish outdoor and apparel retailer. Brands are
 * invented; model names are Swedish mountains, national parks and lakes. Product titles combine a
 * model, a Swedish product noun and a fit ("Sarek Skaljacka Dam").
 */

export type VariantScheme = "apparel" | "shoes" | "gloves" | "colourOnly" | "single";

export interface ProductTypeSpec {
  /** Shopify product type (English, as many Swedish merchants keep them). */
  type: string;
  /** Swedish noun used in titles. */
  noun: string;
  /** Price range in whole SEK (VAT included); prices end in 9 like real Swedish shelf prices. */
  price: [number, number];
  scheme: VariantScheme;
  /** Whether titles carry Herr/Dam/Barn/Unisex. */
  gendered: boolean;
  /** Relative share of the catalogue. */
  share: number;
  /** Relative popularity per product (socks sell in larger numbers than tents). */
  demand: number;
  weightGrams: [number, number];
  tags: string[];
}

// One row per entry, so the list reads as a table.
// prettier-ignore
export const PRODUCT_TYPES: ProductTypeSpec[] = [
  { type: "Shell Jacket", noun: "Skaljacka", price: [1999, 5999], scheme: "apparel", gendered: true, share: 6, demand: 1.1, weightGrams: [300, 650], tags: ["vattentät", "jackor", "fjäll"] },
  { type: "Down Jacket", noun: "Dunjacka", price: [1799, 4999], scheme: "apparel", gendered: true, share: 5, demand: 1.2, weightGrams: [350, 900], tags: ["dun", "vinter", "jackor"] },
  { type: "Rain Jacket", noun: "Regnjacka", price: [799, 2499], scheme: "apparel", gendered: true, share: 4, demand: 1, weightGrams: [250, 500], tags: ["vattentät", "regn", "jackor"] },
  { type: "Softshell Jacket", noun: "Softshelljacka", price: [999, 2799], scheme: "apparel", gendered: true, share: 3, demand: 0.8, weightGrams: [350, 600], tags: ["jackor", "vandring"] },
  { type: "Fleece", noun: "Fleecetröja", price: [499, 1499], scheme: "apparel", gendered: true, share: 5, demand: 1.3, weightGrams: [250, 500], tags: ["fleece", "mellanlager"] },
  { type: "Base Layer", noun: "Merinotröja", price: [449, 1299], scheme: "apparel", gendered: true, share: 6, demand: 1.5, weightGrams: [150, 300], tags: ["merino", "ull", "underställ"] },
  { type: "Base Layer Bottoms", noun: "Långkalsong", price: [399, 1099], scheme: "apparel", gendered: true, share: 3, demand: 1.2, weightGrams: [120, 260], tags: ["merino", "ull", "underställ"] },
  { type: "Hiking Trousers", noun: "Vandringsbyxa", price: [799, 2199], scheme: "apparel", gendered: true, share: 6, demand: 1.2, weightGrams: [300, 650], tags: ["vandring", "byxor"] },
  { type: "Ski Pants", noun: "Skidbyxa", price: [1299, 3999], scheme: "apparel", gendered: true, share: 3, demand: 0.8, weightGrams: [450, 900], tags: ["skidor", "vinter", "byxor"] },
  { type: "Shorts", noun: "Shorts", price: [399, 999], scheme: "apparel", gendered: true, share: 3, demand: 0.9, weightGrams: [150, 300], tags: ["sommar", "vandring"] },
  { type: "T-Shirt", noun: "T-shirt", price: [249, 699], scheme: "apparel", gendered: true, share: 6, demand: 1.6, weightGrams: [120, 220], tags: ["sommar", "ekologisk"] },
  { type: "Hoodie", noun: "Huvtröja", price: [599, 1299], scheme: "apparel", gendered: true, share: 4, demand: 1.2, weightGrams: [400, 700], tags: ["fritid"] },
  { type: "Kids Overall", noun: "Overall", price: [699, 1999], scheme: "apparel", gendered: false, share: 2, demand: 1, weightGrams: [400, 900], tags: ["barn", "vinter"] },
  { type: "Hiking Boots", noun: "Vandringskänga", price: [1499, 3999], scheme: "shoes", gendered: true, share: 4, demand: 0.9, weightGrams: [900, 1600], tags: ["vandring", "skor", "vattentät"] },
  { type: "Trail Shoes", noun: "Trailsko", price: [999, 2299], scheme: "shoes", gendered: true, share: 3, demand: 1, weightGrams: [550, 800], tags: ["löpning", "skor"] },
  { type: "Winter Boots", noun: "Vinterkänga", price: [1199, 2999], scheme: "shoes", gendered: true, share: 2, demand: 0.8, weightGrams: [1000, 1800], tags: ["vinter", "skor"] },
  { type: "Socks", noun: "Ullstrumpa", price: [99, 299], scheme: "apparel", gendered: false, share: 5, demand: 2.5, weightGrams: [50, 120], tags: ["ull", "merino", "strumpor"] },
  { type: "Beanie", noun: "Mössa", price: [149, 499], scheme: "colourOnly", gendered: false, share: 4, demand: 1.8, weightGrams: [50, 120], tags: ["ull", "vinter", "accessoarer"] },
  { type: "Gloves", noun: "Handske", price: [199, 999], scheme: "gloves", gendered: false, share: 3, demand: 1.4, weightGrams: [80, 250], tags: ["vinter", "accessoarer"] },
  { type: "Backpack", noun: "Ryggsäck", price: [1299, 3999], scheme: "colourOnly", gendered: false, share: 4, demand: 0.9, weightGrams: [1200, 2600], tags: ["vandring", "packning"] },
  { type: "Daypack", noun: "Dagsryggsäck", price: [499, 1499], scheme: "colourOnly", gendered: false, share: 3, demand: 1.2, weightGrams: [500, 1000], tags: ["vandring", "packning", "fritid"] },
  { type: "Tent", noun: "Tält", price: [2499, 9999], scheme: "single", gendered: false, share: 2, demand: 0.5, weightGrams: [1400, 4200], tags: ["camping", "tält"] },
  { type: "Sleeping Bag", noun: "Sovsäck", price: [999, 4999], scheme: "single", gendered: false, share: 2, demand: 0.6, weightGrams: [800, 2200], tags: ["camping", "sovsäckar"] },
  { type: "Sleeping Mat", noun: "Liggunderlag", price: [399, 1999], scheme: "single", gendered: false, share: 2, demand: 0.7, weightGrams: [300, 1100], tags: ["camping"] },
  { type: "Stove", noun: "Stormkök", price: [499, 1799], scheme: "single", gendered: false, share: 1, demand: 0.6, weightGrams: [300, 1000], tags: ["camping", "matlagning"] },
  { type: "Cookware", noun: "Kokkärl", price: [199, 899], scheme: "single", gendered: false, share: 2, demand: 0.9, weightGrams: [150, 600], tags: ["camping", "matlagning"] },
  { type: "Headlamp", noun: "Pannlampa", price: [299, 1199], scheme: "colourOnly", gendered: false, share: 1, demand: 1, weightGrams: [60, 200], tags: ["camping", "accessoarer"] },
  { type: "Knife", noun: "Kniv", price: [199, 1299], scheme: "single", gendered: false, share: 1, demand: 0.8, weightGrams: [90, 300], tags: ["camping", "accessoarer"] },
  { type: "Water Bottle", noun: "Vattenflaska", price: [149, 499], scheme: "colourOnly", gendered: false, share: 1, demand: 1.2, weightGrams: [150, 450], tags: ["accessoarer", "vandring"] },
];

/** Invented brands; the first is the shop's own label and carries more of the range. */
export const VENDORS: string[] = [
  "Fjällvik",
  "Norrsken Gear",
  "Kebne Outdoor",
  "Sarek Supply",
  "Tjärn & Co",
  "Abisko Wool",
  "Vänern Textil",
  "Lappland Lodge",
  "Björk Equipment",
  "Kullaberg Climbing",
  "Älvdal Knivsmide",
  "Hälsinge Ull",
  "Storsjö Sport",
  "Glesbygd Apparel",
  "Polcirkeln",
  "Skärgård Supply",
  "Tundra Works",
  "Rimfrost",
  "Mossa & Myr",
  "Nordvind",
];

export const MODEL_NAMES: string[] = [
  "Sarek",
  "Kebne",
  "Abisko",
  "Padjelanta",
  "Tarfala",
  "Vålådalen",
  "Sylarna",
  "Helags",
  "Kvikkjokk",
  "Ammarnäs",
  "Hemavan",
  "Storulvån",
  "Riksgränsen",
  "Björkliden",
  "Nikkaluokta",
  "Tärnaby",
  "Funäsdalen",
  "Idre",
  "Sälen",
  "Kullaberg",
  "Höga Kusten",
  "Stendörren",
  "Tyresta",
  "Skuleskogen",
  "Tiveden",
  "Fulufjället",
  "Muddus",
  "Rogen",
  "Glaskogen",
  "Norra Kvill",
  "Siljan",
  "Vättern",
  "Torne",
  "Lule",
  "Pite",
  "Kiruna",
  "Jokkmokk",
  "Arjeplog",
  "Åre",
  "Ljungdalen",
  "Grövelsjön",
  "Sånfjället",
  "Tännforsen",
  "Hovfjället",
  "Kåbdalis",
];

/** Model-line suffixes that make titles distinct within a model ("Sarek Pro Skaljacka Dam"). */
export const LINE_SUFFIXES: string[] = [
  "",
  "",
  "",
  "Pro",
  "Lite",
  "Trek",
  "Winter",
  "Eco",
  "Hybrid",
  "Classic",
  "Alpine",
  "Light",
];

export const FITS = ["Herr", "Dam", "Unisex", "Barn"] as const;

export const APPAREL_SIZES = ["XS", "S", "M", "L", "XL", "XXL"];
export const KIDS_SIZES = ["98", "104", "110", "116", "122", "128", "134", "140"];
export const SHOE_SIZES = ["36", "37", "38", "39", "40", "41", "42", "43", "44", "45", "46"];
export const GLOVE_SIZES = ["S", "M", "L", "XL"];

/** Colour names in Swedish, as a Swedish storefront shows them. */
export const COLOURS: string[] = [
  "Svart",
  "Marinblå",
  "Skogsgrön",
  "Mossgrön",
  "Grafit",
  "Sand",
  "Rost",
  "Ockra",
  "Havsblå",
  "Vinröd",
  "Ljusgrå",
  "Oliv",
  "Lingon",
  "Fjällblå",
  "Natur",
];

/** Tags any product may get beyond its type's tags. */
export const EXTRA_TAGS: string[] = [
  "bestseller",
  "återvunnet",
  "pfc-fri",
  "ekologisk",
  "hållbart",
  "presenttips",
  "personalens-favorit",
  "svensktillverkat",
  "reflex",
];

export const ADJECTIVES_SV: string[] = [
  "slitstark",
  "lätt",
  "varm",
  "vindtät",
  "andningsbar",
  "mjuk",
  "packbar",
  "tålig",
];
