import { beforeEach, describe, expect, it } from "vitest";
import { EmulatorClock } from "../clock";
import { nextGid, createShopState } from "../store/shop";
import type { Collection, Metaobject, Product, ShopState, Theme } from "../store/types";
import { appNamespace, campaignMetaobjectType } from "./campaign";
import { seedShop } from "../seed/index";
import { renderHomePage } from "./render";

const HEADER = `/*
 * IMPORTANT: The contents of this file are auto-generated.
 */
`;
const MERCHDESK_BLOCK =
  "shopify://apps/merchdesk/blocks/campaign/0b6c8e2a-1111-4a3b-9c1d-2f3e4a5b6c7d";

let shop: ShopState;
const clock = new EmulatorClock();
clock.freeze(new Date("2026-11-02T10:00:00Z"));
let onlineStore: string;

function addTheme(role: Theme["role"], template: unknown, raw?: string): Theme {
  const at = "2026-01-01T00:00:00.000Z";
  const theme: Theme = {
    id: nextGid(shop, "OnlineStoreTheme"),
    name: `Theme ${role}`,
    role,
    createdAt: at,
    updatedAt: at,
    files: new Map(),
  };
  const content = raw ?? `\uFEFF${HEADER}${JSON.stringify(template, null, 2)}\n`;
  theme.files.set("templates/index.json", {
    filename: "templates/index.json",
    content,
    base64: false,
    createdAt: at,
    updatedAt: at,
  });
  shop.themes.set(theme.id, theme);
  return theme;
}

function addProduct(title: string, published = true): Product {
  const at = "2026-01-01T00:00:00.000Z";
  const product: Product = {
    id: nextGid(shop, "Product"),
    title,
    handle: title.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    descriptionHtml: "",
    vendor: "Fjällvik",
    productType: "Fleece",
    tags: [],
    status: "ACTIVE",
    createdAt: at,
    updatedAt: at,
    publishedAt: published ? at : null,
    publicationIds: published ? [onlineStore] : [],
    variants: [
      {
        id: nextGid(shop, "ProductVariant"),
        title: "Default Title",
        sku: "X",
        price: "499.00",
        compareAtPrice: null,
        cost: null,
        inventoryQuantity: 3,
        weightGrams: 100,
        createdAt: at,
        updatedAt: at,
      },
    ],
  };
  shop.products.set(product.id, product);
  return product;
}

function addCollection(handle: string, products: Product[], published = true): Collection {
  const at = "2026-01-01T00:00:00.000Z";
  const collection: Collection = {
    id: nextGid(shop, "Collection"),
    title: `Collection ${handle}`,
    handle,
    descriptionHtml: "",
    seo: { title: null, description: null },
    sortOrder: "MANUAL",
    templateSuffix: null,
    createdAt: at,
    updatedAt: at,
    sources: [
      {
        kind: "conditions",
        id: nextGid(shop, "CollectionSource"),
        title: "Manual",
        description: null,
        targetType: "PRODUCTS",
        shareable: false,
        inclusion: {
          matchType: null,
          conditions: [],
          selections: products.map((p) => ({ productId: p.id, variantIds: null })),
        },
        exclusion: null,
      },
    ],
    manualOrder: products.map((p) => p.id),
    publicationIds: published ? [onlineStore] : [],
  };
  shop.collections.set(collection.id, collection);
  return collection;
}

function addCampaign(
  handle: string,
  fields: Record<string, string>,
  status: Metaobject["status"] = "ACTIVE",
): Metaobject {
  const at = "2026-01-01T00:00:00.000Z";
  const campaign: Metaobject = {
    id: nextGid(shop, "Metaobject"),
    type: campaignMetaobjectType(shop),
    handle,
    fields,
    status,
    createdAt: at,
    updatedAt: at,
  };
  shop.metaobjects.set(campaign.id, campaign);
  return campaign;
}

function makeLive(campaign: Metaobject | null): void {
  const at = "2026-01-01T00:00:00.000Z";
  for (const [id, m] of shop.metafields) if (m.key === "live_campaign") shop.metafields.delete(id);
  if (!campaign) return;
  const id = nextGid(shop, "Metafield");
  shop.metafields.set(id, {
    id,
    ownerId: shop.id,
    namespace: appNamespace(shop),
    key: "live_campaign",
    type: "metaobject_reference",
    value: campaign.id,
    createdAt: at,
    updatedAt: at,
  });
}

const campaignTemplate = {
  sections: {
    hero: {
      type: "hero",
      settings: { heading: "Welcome" },
      blocks: {
        b1: { type: "text", settings: { text: "<p>First</p>" } },
        b2: { type: "text", settings: { text: "<p>Second</p>" } },
      },
      block_order: ["b2", "b1"],
    },
    hidden: { type: "email-signup", disabled: true, settings: { heading: "Newsletter" } },
    apps: {
      type: "section",
      settings: {},
      blocks: { md: { type: MERCHDESK_BLOCK, settings: {} } },
      block_order: ["md"],
    },
    list: { type: "product-list", settings: { collection: "featured", max_products: 2 } },
  },
  order: ["list", "hero", "hidden", "apps"],
};

function sectionIds(html: string): string[] {
  return [...html.matchAll(/<section data-section-id="([^"]+)"/g)].map((m) => m[1]);
}

beforeEach(() => {
  shop = createShopState({ domain: "render.myshopify.com" });
  onlineStore = nextGid(shop, "Publication");
  shop.publications.push({ id: onlineStore, title: "Online Store", onlineStore: true });
});

describe("renderHomePage", () => {
  it("GIVEN a template with a header and BOM WHEN rendered THEN sections follow `order`", () => {
    addTheme("MAIN", campaignTemplate);
    expect(sectionIds(renderHomePage(shop, clock))).toEqual(["list", "hero", "apps"]);
  });

  it("GIVEN a disabled section WHEN rendered THEN it is skipped", () => {
    addTheme("MAIN", campaignTemplate);
    const html = renderHomePage(shop, clock);
    expect(html).not.toContain("Newsletter");
    expect(html).not.toContain('data-section-id="hidden"');
  });

  it("GIVEN blocks WHEN rendered THEN they follow block_order with their text", () => {
    addTheme("MAIN", campaignTemplate);
    const html = renderHomePage(shop, clock);
    expect(html.indexOf('data-block-id="b2"')).toBeLessThan(html.indexOf('data-block-id="b1"'));
    expect(html).toMatch(
      /data-block-id="b1" data-block-type="text"><div class="text" data-setting="text">First<\/div>/,
    );
    expect(html).toContain('data-section-type="hero"');
  });

  it("GIVEN a published collection section WHEN rendered THEN it lists visible product titles up to the limit", () => {
    const [a, b, c] = [
      addProduct("Sarek Jacka"),
      addProduct("Kebne Byxa"),
      addProduct("Abisko Mössa"),
    ];
    const hidden = addProduct("Dold Produkt", false);
    addCollection("featured", [hidden, a, b, c]);
    addTheme("MAIN", campaignTemplate);
    const html = renderHomePage(shop, clock);
    expect(html).toContain('data-collection-handle="featured"');
    expect(html).toContain("Sarek Jacka");
    expect(html).toContain("Kebne Byxa");
    expect(html).not.toContain("Abisko Mössa");
    expect(html).not.toContain("Dold Produkt");
  });

  it("GIVEN an unpublished collection WHEN rendered THEN the list is marked unavailable and empty", () => {
    addCollection("featured", [addProduct("Sarek Jacka")], false);
    addTheme("MAIN", campaignTemplate);
    const html = renderHomePage(shop, clock);
    expect(html).toContain('data-collection-available="false"');
    expect(html).not.toContain("Sarek Jacka");
  });

  it("GIVEN no live campaign WHEN rendered THEN the Merchdesk block shows its empty state", () => {
    addTheme("MAIN", campaignTemplate);
    const html = renderHomePage(shop, clock);
    expect(html).toContain('data-merchdesk-campaign=""');
    expect(html).toContain('data-app-block="merchdesk/campaign"');
  });

  it("GIVEN a live campaign WHEN rendered THEN the block shows its fields under its handle", () => {
    addTheme("MAIN", campaignTemplate);
    makeLive(
      addCampaign("black-week", {
        heading: "Black Week",
        text: "Upp till 40 %\nFri frakt",
        button_label: "Handla nu",
        button_link: "shopify://collections/rea",
        image_url: "https://cdn.example.com/bw.jpg",
      }),
    );
    const html = renderHomePage(shop, clock);
    expect(html).toContain('data-merchdesk-campaign="black-week"');
    expect(html).toContain('<h2 data-merchdesk-field="heading">Black Week</h2>');
    expect(html).toContain('<p data-merchdesk-field="text">Upp till 40 %<br>Fri frakt</p>');
    expect(html).toMatch(/data-merchdesk-field="button" href="\/collections\/rea">Handla nu<\/a>/);
    expect(html).toContain('src="https://cdn.example.com/bw.jpg"');
  });

  it("GIVEN a campaign schedule WHEN rendered THEN upcoming campaigns come inert with their instants and the switch script", () => {
    addTheme("MAIN", campaignTemplate);
    makeLive(null);
    addCampaign("black-friday", { heading: "Black Friday" });
    const id = nextGid(shop, "Metafield");
    shop.metafields.set(id, {
      id,
      ownerId: shop.id,
      namespace: appNamespace(shop),
      key: "campaign_schedule",
      type: "json",
      value: JSON.stringify([
        { handle: "black-friday", startsAt: "2026-11-27T00:00:00Z", endsAt: null },
        { handle: "missing", startsAt: "2026-11-28T00:00:00Z", endsAt: null },
      ]),
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-01T00:00:00.000Z",
    });
    const html = renderHomePage(shop, clock);
    expect(html).toContain('data-merchdesk-campaign=""');
    expect(html).toMatch(
      /<template data-merchdesk-schedule><div data-merchdesk-entry="black-friday" data-starts-at="2026-11-27T00:00:00Z"><h2 data-merchdesk-field="heading">Black Friday<\/h2>/,
    );
    expect(html).not.toContain('data-merchdesk-entry="missing"');
    expect(html).toContain("data-merchdesk-switched-in-browser");
  });

  it("GIVEN a storefront root WHEN rendered THEN each campaign block carries the preview link hooks and loads the extension's preview script", () => {
    addTheme("MAIN", campaignTemplate);
    const html = renderHomePage(shop, clock, {
      storefrontRoot: "/_emulator/storefront/render.myshopify.com",
    });
    expect(html).toContain(
      'data-merchdesk-preview-url="/_emulator/storefront/render.myshopify.com/apps/merchdesk/campaign-preview"',
    );
    expect(html).toContain('data-merchdesk-part="hero"');
    // The notice comes from the extension's Swedish storefront locale.
    expect(html).toMatch(/data-merchdesk-preview-notice="Förhandsvisning: [^"]+"/);
    expect(html).toContain(
      '<script src="/_emulator/extensions/merchdesk-campaigns/assets/merchdesk-preview.js" defer="">',
    );
    expect(renderHomePage(shop, clock)).toContain(
      'data-merchdesk-preview-url="/apps/merchdesk/campaign-preview"',
    );
  });

  it("GIVEN the live campaign is switched WHEN rendered again THEN the new handle shows", () => {
    addTheme("MAIN", campaignTemplate);
    makeLive(addCampaign("first", { heading: "First" }));
    expect(renderHomePage(shop, clock)).toContain('data-merchdesk-campaign="first"');
    makeLive(addCampaign("second", { heading: "Second" }));
    expect(renderHomePage(shop, clock)).toContain('data-merchdesk-campaign="second"');
    makeLive(null);
    expect(renderHomePage(shop, clock)).toContain('data-merchdesk-campaign=""');
  });

  it("GIVEN a DRAFT campaign in the metafield WHEN rendered THEN the empty state shows", () => {
    addTheme("MAIN", campaignTemplate);
    makeLive(addCampaign("draft", { heading: "Not yet" }, "DRAFT"));
    const html = renderHomePage(shop, clock);
    expect(html).toContain('data-merchdesk-campaign=""');
    expect(html).not.toContain("Not yet");
  });

  it("GIVEN a campaign with a featured collection WHEN live THEN the block lists that collection's products", () => {
    const collection = addCollection("kampanj", [addProduct("Helags Dunjacka")]);
    addTheme("MAIN", campaignTemplate);
    makeLive(addCampaign("c", { heading: "H", collection: collection.id }));
    expect(renderHomePage(shop, clock)).toMatch(/merchdesk-campaign[^]*Helags Dunjacka/);
  });

  it("GIVEN hostile text in settings and campaign fields WHEN rendered THEN it is escaped", () => {
    const template = {
      sections: {
        s: {
          type: "hero",
          settings: {
            heading: 'Hej & "välkommen" &lt;script&gt;',
            label: "<b>x</b>",
            link: "javascript:alert(1)",
          },
          blocks: { md: { type: MERCHDESK_BLOCK, settings: {} } },
          block_order: ["md"],
        },
      },
      order: ["s"],
    };
    addTheme("MAIN", template);
    makeLive(
      addCampaign('x"><script>', {
        heading: "<script>alert(1)</script>",
        button_label: "Go",
        button_link: "javascript:alert(2)",
      }),
    );
    const html = renderHomePage(shop, clock);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("javascript:");
    expect(html).toContain("Hej &amp; &quot;välkommen&quot; &lt;script&gt;");
    expect(html).toContain('data-merchdesk-campaign="x&quot;&gt;&lt;script&gt;"');
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("GIVEN another app's block WHEN rendered THEN it is an empty placeholder, not a campaign", () => {
    const template = {
      sections: {
        s: {
          type: "section",
          settings: {},
          blocks: { r: { type: "shopify://apps/reviews/blocks/stars/abc", settings: {} } },
          block_order: ["r"],
        },
      },
      order: ["s"],
    };
    addTheme("MAIN", template);
    const html = renderHomePage(shop, clock);
    expect(html).toContain('data-app-block="reviews/stars"');
    expect(html).not.toContain("data-merchdesk-campaign");
  });

  it("GIVEN a preview theme id WHEN rendered THEN that theme's template is shown and marked as preview", () => {
    addTheme("MAIN", {
      sections: { live: { type: "hero", settings: { heading: "Live" } } },
      order: ["live"],
    });
    const draft = addTheme("UNPUBLISHED", {
      sections: { draft: { type: "hero", settings: { heading: "Draft" } } },
      order: ["draft"],
    });
    const numericId = draft.id.split("/").pop()!;
    const html = renderHomePage(shop, clock, { previewThemeId: numericId });
    expect(sectionIds(html)).toEqual(["draft"]);
    expect(html).toContain('data-preview="true"');
    expect(sectionIds(renderHomePage(shop, clock))).toEqual(["live"]);
  });

  it("GIVEN an unknown preview theme id WHEN rendered THEN the live theme is shown", () => {
    addTheme("MAIN", { sections: { live: { type: "hero", settings: {} } }, order: ["live"] });
    expect(sectionIds(renderHomePage(shop, clock, { previewThemeId: "999999" }))).toEqual(["live"]);
  });

  it("GIVEN an unparseable template WHEN rendered THEN the page reports the template error", () => {
    addTheme("MAIN", null, "/* header */ { not json");
    expect(renderHomePage(shop, clock)).toContain("data-template-error=");
  });
});

describe("renderHomePage on the seeded demo store", () => {
  it("GIVEN the demo store WHEN the live and draft themes are rendered THEN each shows its own home page", () => {
    const demo = createShopState({ domain: "fjallvik.myshopify.com" });
    seedShop(demo, "demo", { now: new Date("2026-11-02T10:00:00Z") });
    const live = renderHomePage(demo, clock);
    expect(sectionIds(live)).toEqual(["hero_jVaWmY", "product_list_fa6P9H"]);
    expect(live).toContain("Browse our latest products");
    expect(live.match(/<li data-product-id=/g)).toHaveLength(8);

    const draft = [...demo.themes.values()].find((t) => t.role === "UNPUBLISHED")!;
    const preview = renderHomePage(demo, clock, { previewThemeId: draft.id });
    expect(sectionIds(preview)).toEqual([
      "hero_bw2026",
      "section_merchdesk",
      "product_list_bf",
      "product_list_winter",
    ]);
    expect(preview).toContain('data-merchdesk-campaign=""');
    expect(preview).toMatch(
      /data-collection-handle="black-friday"[^>]*data-collection-available="false"/,
    );
    expect(preview).toMatch(
      /data-collection-handle="jackor"[^>]*data-collection-available="true"><ul class="products"><li/,
    );
  });
});
