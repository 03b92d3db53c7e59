import type { Clock } from "../graphql/context";
import type { Metaobject, Product, ShopState, Theme } from "../store/types";
import { campaignField, campaignSchedule, liveCampaign } from "./campaign";
import { storefrontCollection, type StorefrontCollection } from "./collections";
import { extensionAssetUrl, extensionTranslation } from "./extension-assets";
import { attributes, escapeHtml, richTextToPlain, safeHref } from "./html";
import {
  featuredHandles,
  homeTemplateOf,
  parseAppBlockType,
  storefrontTheme,
  visibleBlocks,
  visibleSections,
  type TemplateBlock,
} from "./template";

/**
 * The Online Store home page as simple, stable HTML: the shown theme's `templates/index.json`,
 * sections in `order` (disabled ones skipped) as `<section data-section-id data-section-type>`,
 * blocks in `block_order` as `<div data-block-id data-block-type>`, text settings as text,
 * featured collections as product lists, and Merchdesk app blocks as the live campaign (see
 * storefront/campaign.ts) with `data-merchdesk-campaign="<handle>"` ("" when none is live). Other
 * apps' blocks render as empty placeholders. Everything from the store is HTML-escaped.
 */

export interface RenderOptions {
  /** `?preview_theme_id=`: a numeric theme id or a GID; unknown ids show the live theme. */
  previewThemeId?: string;
  /**
   * Path of the storefront's root ("" on the shop's own host; `/_emulator/storefront/<shop>` on the
   * emulator's): where the page's storefront links, such as the app proxy, start.
   */
  storefrontRoot?: string;
}

/** Where Merchdesk's campaign block asks for a preview (its `[app_proxy]`, see shopify.app.toml). */
const PREVIEW_PROXY_PATH = "/apps/merchdesk/campaign-preview";
const EXTENSION = "merchdesk-campaigns";

/** Settings shown as headings, then as body text, in the order the settings object lists them. */
const HEADING_SETTINGS = new Set(["heading", "title"]);
const TEXT_SETTINGS = new Set([
  "heading",
  "title",
  "subheading",
  "text",
  "content",
  "caption",
  "description",
]);
const DEFAULT_PRODUCT_LIMIT = 8;
const MAX_PRODUCT_LIMIT = 50;
const CAMPAIGN_COLLECTION_LIMIT = 4;

interface RenderScope {
  shop: ShopState;
  campaign: Metaobject | null;
  /** The collection of the enclosing section, for `{{ closest.collection.title }}`. */
  collection: StorefrontCollection | null;
  storefrontRoot: string;
}

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;color:#1f2421}
header.shop-header{padding:12px 24px;border-bottom:1px solid #ddd;font-weight:600}
main{max-width:1100px;margin:0 auto;padding:0 24px}
section{padding:24px 0;border-bottom:1px solid #eee}
.products{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:12px;list-style:none;padding:0}
.products li{border:1px solid #eee;padding:8px}
.merchdesk-campaign{background:#f3f0e8;padding:16px;border-radius:8px}
.merchdesk-campaign img{max-width:100%}
a.button{display:inline-block;padding:8px 16px;background:#1f2421;color:#fff;text-decoration:none}
`;

export function renderHomePage(shop: ShopState, clock: Clock, options: RenderOptions = {}): string {
  const theme = storefrontTheme(shop, options.previewThemeId);
  const preview = theme !== undefined && theme.role !== "MAIN";
  const body = theme
    ? renderTheme(shop, theme, options.storefrontRoot ?? "")
    : `<main${attributes({ "data-template-error": "no published theme" })}></main>`;
  const bodyAttributes = attributes({
    "data-shop": shop.domain,
    "data-theme-id": theme?.id,
    "data-theme-name": theme?.name,
    "data-theme-role": theme?.role,
    "data-preview": String(preview),
    "data-rendered-at": clock.nowIso(),
  });
  return [
    "<!doctype html>",
    '<html lang="sv">',
    `<head><meta charset="utf-8"><title>${escapeHtml(shop.name)}</title><style>${STYLE}</style></head>`,
    `<body${bodyAttributes}>`,
    `<header class="shop-header"><a href="/">${escapeHtml(shop.name)}</a></header>`,
    body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function renderTheme(shop: ShopState, theme: Theme, storefrontRoot: string): string {
  const parsed = homeTemplateOf(theme);
  if (!parsed.ok) return `<main${attributes({ "data-template-error": parsed.error })}></main>`;
  const scope: RenderScope = {
    shop,
    campaign: liveCampaign(shop),
    collection: null,
    storefrontRoot,
  };
  const sections = visibleSections(parsed.template).map(([id, section]) =>
    renderSection(id, section, scope),
  );
  return `<main data-template="index">\n${sections.join("\n")}\n</main>`;
}

function renderSection(id: string, section: TemplateBlock, outer: RenderScope): string {
  const collection = featuredCollection(outer.shop, section.settings);
  const scope = { ...outer, collection: collection ?? outer.collection };
  const inner = [
    renderSettings(section.settings, scope),
    ...visibleBlocks(section).map(([blockId, block]) => renderBlock(blockId, block, scope)),
    collection ? renderProductList(collection, outer.shop) : "",
    renderCollectionLists(section.settings, outer.shop),
  ].filter((part) => part !== "");
  const attrs = attributes({ "data-section-id": id, "data-section-type": section.type });
  return `<section${attrs}>\n${inner.join("\n")}\n</section>`;
}

function renderBlock(id: string, block: TemplateBlock, outer: RenderScope): string {
  const app = parseAppBlockType(block.type);
  const base = { "data-block-id": id, "data-block-type": block.type };
  if (app) {
    const appAttrs = { ...base, "data-app-block": `${app.appHandle}/${app.blockHandle}` };
    if (app.appHandle === outer.shop.app.handle) return renderCampaignBlock(appAttrs, outer);
    return `<div class="app-block"${attributes(appAttrs)}></div>`;
  }
  const collection = featuredCollection(outer.shop, block.settings);
  const scope = { ...outer, collection: collection ?? outer.collection };
  const inner = [
    renderSettings(block.settings, scope),
    ...visibleBlocks(block).map(([childId, child]) => renderBlock(childId, child, scope)),
    collection ? renderProductList(collection, outer.shop) : "",
  ].filter((part) => part !== "");
  return `<div class="block"${attributes(base)}>${inner.join("")}</div>`;
}

/** Text settings as headings/paragraphs and a `label` + `link` pair as a link. */
function renderSettings(settings: Record<string, unknown>, scope: RenderScope): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(settings)) {
    if (!TEXT_SETTINGS.has(key) || typeof value !== "string") continue;
    const text = richTextToPlain(expandLiquid(value, scope));
    if (!text) continue;
    const tag = HEADING_SETTINGS.has(key) ? "h2" : "div";
    parts.push(
      `<${tag}${attributes({ class: "text", "data-setting": key })}>${escapeHtml(text)}</${tag}>`,
    );
  }
  const label = settings.label;
  if (typeof label === "string" && label.trim()) {
    const link = typeof settings.link === "string" ? settings.link : "";
    const href = link
      ? safeHref(link)
      : scope.collection
        ? `/collections/${scope.collection.handle}`
        : "#";
    parts.push(
      `<a${attributes({ class: "button", "data-setting": "label", href })}>${escapeHtml(label)}</a>`,
    );
  }
  return parts.join("");
}

/** The few Liquid expressions Horizon's default templates use; anything else renders as nothing. */
function expandLiquid(text: string, scope: RenderScope): string {
  return text
    .replace(
      /\{\{\s*closest\.collection\.title\s*\}\}/g,
      scope.collection?.collection?.title ??
        (scope.collection?.handle === "all" ? "Alla produkter" : ""),
    )
    .replace(/\{\{\s*shop\.name\s*\}\}/g, scope.shop.name)
    .replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g, "");
}

function productLimit(settings: Record<string, unknown>): number {
  const raw = settings.max_products ?? settings.products_to_show;
  const n = typeof raw === "number" ? raw : DEFAULT_PRODUCT_LIMIT;
  return Math.max(1, Math.min(MAX_PRODUCT_LIMIT, Math.floor(n)));
}

function featuredCollection(shop: ShopState, settings: Record<string, unknown>) {
  const handle = typeof settings.collection === "string" ? settings.collection : "";
  return handle ? storefrontCollection(shop, handle, productLimit(settings)) : null;
}

const priceFormats = new Map<string, Intl.NumberFormat>();
function formatPrice(amount: string, currency: string): string {
  let format = priceFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat("sv-SE", { style: "currency", currency });
    priceFormats.set(currency, format);
  }
  return format.format(Number(amount));
}

function renderProducts(products: Product[], shop: ShopState): string {
  const items = products.map((p) => {
    const price = p.variants[0] ? formatPrice(p.variants[0].price, shop.currencyCode) : "";
    const attrs = attributes({ "data-product-id": p.id, "data-product-handle": p.handle });
    return `<li${attrs}><a href="/products/${escapeHtml(encodeURIComponent(p.handle))}" class="title">${escapeHtml(p.title)}</a> <span class="price">${escapeHtml(price)}</span></li>`;
  });
  return `<ul class="products">${items.join("")}</ul>`;
}

function renderProductList(view: StorefrontCollection, shop: ShopState): string {
  const attrs = attributes({
    class: "product-list",
    "data-collection-handle": view.handle,
    "data-collection-id": view.collection?.id,
    "data-collection-available": String(view.available),
  });
  return `<div${attrs}>${view.available ? renderProducts(view.products, shop) : ""}</div>`;
}

/** `collection_list` settings (collection list sections): the published collections' titles. */
function renderCollectionLists(settings: Record<string, unknown>, shop: ShopState): string {
  const handles = featuredHandles(settings).filter((h) => h !== settings.collection);
  if (handles.length === 0) return "";
  const items = handles
    .map((handle) => storefrontCollection(shop, handle, 0))
    .filter((view) => view.available && view.collection)
    .map(
      (view) =>
        `<li${attributes({ "data-collection-handle": view.handle })}><a href="/collections/${escapeHtml(encodeURIComponent(view.handle))}">${escapeHtml(view.collection!.title)}</a></li>`,
    );
  return `<ul class="collection-list">${items.join("")}</ul>`;
}

/**
 * Shows the scheduled campaign that is live at the browser's clock (the latest-started running
 * one), so a cached page still switches at the exact instant. The emulator's clock can run ahead of
 * real time (advanced through the control API), so this copy counts from the page's
 * `data-rendered-at` instead of trusting the browser's clock. Otherwise it mirrors Merchdesk's
 * theme app extension script (extensions/merchdesk-campaigns/assets/merchdesk-campaign.js).
 */
const SCHEDULE_SCRIPT = `<script>(function(){var base=Date.parse(document.body.getAttribute("data-rendered-at")||"")||Date.now(),loaded=Date.now();function clock(){return base+(Date.now()-loaded)}function pick(es,t){var b=null;es.forEach(function(e){var s=Date.parse(e.getAttribute("data-starts-at")),x=e.getAttribute("data-ends-at");if(s<=t&&(!x||t<Date.parse(x))&&(!b||s>Date.parse(b.getAttribute("data-starts-at"))))b=e});return b}function run(){var t=clock(),next=Infinity;document.querySelectorAll("[data-merchdesk-block]").forEach(function(block){if(block.hasAttribute("data-merchdesk-preview"))return;var tpl=block.querySelector("template[data-merchdesk-schedule]");if(!tpl)return;var es=Array.prototype.slice.call(tpl.content.querySelectorAll("[data-merchdesk-entry]"));es.forEach(function(e){[e.getAttribute("data-starts-at"),e.getAttribute("data-ends-at")].forEach(function(v){if(v){var m=Date.parse(v);if(m>t&&m<next)next=m}})});var e=pick(es,t),h=e?e.getAttribute("data-merchdesk-entry"):"";if(block.getAttribute("data-merchdesk-campaign")===h)return;var body=block.querySelector("[data-merchdesk-content]");body.innerHTML=e?e.innerHTML:"";block.setAttribute("data-merchdesk-campaign",h);block.setAttribute("data-merchdesk-switched-in-browser","true")});if(next<Infinity)setTimeout(run,Math.min(next-clock()+5,2147483647))}run();setInterval(run,1000)})();</script>`;

function renderCampaignContent(campaign: Metaobject, scope: RenderScope): string {
  const parts: string[] = [];
  const heading = campaignField(campaign, "heading");
  const text = campaignField(campaign, "text");
  const label = campaignField(campaign, "button_label");
  const link = campaignField(campaign, "button_link");
  const image = campaignField(campaign, "image_url");
  if (image) {
    parts.push(
      `<img${attributes({ "data-merchdesk-field": "image_url", src: safeHref(image), alt: heading })}>`,
    );
  }
  if (heading) parts.push(`<h2 data-merchdesk-field="heading">${escapeHtml(heading)}</h2>`);
  if (text) {
    const html = text.split(/\r?\n/).map(escapeHtml).join("<br>");
    parts.push(`<p data-merchdesk-field="text">${html}</p>`);
  }
  if (label) {
    parts.push(
      `<a${attributes({ class: "button", "data-merchdesk-field": "button", href: safeHref(link || "#") })}>${escapeHtml(label)}</a>`,
    );
  }
  const collectionId = campaignField(campaign, "collection");
  const collection = collectionId ? scope.shop.collections.get(collectionId) : undefined;
  if (collection) {
    const view = storefrontCollection(scope.shop, collection.handle, CAMPAIGN_COLLECTION_LIMIT);
    if (view.available) parts.push(renderProductList(view, scope.shop));
  }
  return parts.join("");
}

/** The campaign schedule as inert markup plus the script that switches in the browser. */
function renderSchedule(scope: RenderScope): string {
  const entries = campaignSchedule(scope.shop);
  if (entries.length === 0) return "";
  const items = entries.map(
    (entry) =>
      `<div${attributes({ "data-merchdesk-entry": entry.campaign.handle, "data-starts-at": entry.startsAt, "data-ends-at": entry.endsAt ?? undefined })}>${renderCampaignContent(entry.campaign, scope)}</div>`,
  );
  return `<template data-merchdesk-schedule>${items.join("")}</template>${SCHEDULE_SCRIPT}`;
}

/**
 * What the extension's block adds for storefront preview links (docs/decisions/035): the part it
 * shows, where to ask the app proxy, the notice text (the extension's locale) and the script.
 */
function previewAttributes(scope: RenderScope): Record<string, string> {
  return {
    "data-merchdesk-part": "hero",
    "data-merchdesk-limit": String(CAMPAIGN_COLLECTION_LIMIT),
    "data-merchdesk-preview-url": `${scope.storefrontRoot}${PREVIEW_PROXY_PATH}`,
    "data-merchdesk-preview-notice": extensionTranslation(
      EXTENSION,
      "sv",
      "merchdesk.campaign.preview_notice",
    ),
  };
}

function previewScript(): string {
  return `<script${attributes({ src: extensionAssetUrl(EXTENSION, "merchdesk-preview.js"), defer: "" })}></script>`;
}

function renderCampaignBlock(base: Record<string, string>, scope: RenderScope): string {
  const campaign = scope.campaign;
  const schedule = renderSchedule(scope) + previewScript();
  if (!campaign) {
    return `<div${attributes({ class: "merchdesk-campaign merchdesk-campaign--empty", ...base, "data-merchdesk-block": "", "data-merchdesk-campaign": "", ...previewAttributes(scope) })}><div data-merchdesk-content></div>${schedule}</div>`;
  }
  const attrs = attributes({
    class: "merchdesk-campaign",
    ...base,
    "data-merchdesk-block": "",
    "data-merchdesk-campaign": campaign.handle,
    "data-merchdesk-campaign-id": campaign.id,
    ...previewAttributes(scope),
  });
  return `<div${attrs}><div data-merchdesk-content>${renderCampaignContent(campaign, scope)}</div>${schedule}</div>`;
}
