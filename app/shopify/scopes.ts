/**
 * Access scopes Merchdesk requests (mirrored in shopify.app.toml; a test keeps the two equal).
 * - products/publications: bulk collection management and publishing
 * - themes/metaobjects: home-page campaigns (app blocks read app-owned metaobjects)
 * - orders/reports/analytics annotations: KPIs and the action timeline
 * - discounts: external changes on the timeline (and price rules next)
 */
export const APP_SCOPES = [
  "read_products",
  "write_products",
  "read_publications",
  "write_publications",
  "read_themes",
  "write_themes",
  "read_metaobjects",
  "write_metaobjects",
  "read_metaobject_definitions",
  "write_metaobject_definitions",
  "read_orders",
  "read_all_orders",
  "read_reports",
  "read_analytics_annotations",
  "write_analytics_annotations",
  "read_discounts",
] as const;
