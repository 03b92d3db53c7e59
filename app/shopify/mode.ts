/** How the app runs: inside the Shopify admin, or as the local standalone demo. */
export type Mode = "embedded" | "standalone";
