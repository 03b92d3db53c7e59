import { ApiType, shopifyApiProject } from "@shopify/api-codegen-preset";

// Offline: shopifyApiProject() reads `${outputDir}/admin-2026-10.schema.json` (unpacked from the
// vendored schema by scripts/schema-unpack.mjs) instead of downloading the schema.
export default {
  schema: "https://shopify.dev/admin-graphql-direct-proxy",
  documents: ["./app/**/*.{ts,tsx}"],
  projects: {
    default: shopifyApiProject({
      apiType: ApiType.Admin,
      apiVersion: "2026-10",
      documents: ["./app/shopify/operations/**/*.ts"],
      outputDir: "./app/types",
    }),
  },
};
