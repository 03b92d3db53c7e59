import { API_KEY, API_SECRET_KEY } from "@shopify/shopify-api/test-helpers";
import { shopify } from "../../app/shopify/app.server";
import { routeShopifyFetchTo } from "../../app/shopify/local-admin-fetch.server";
import { createEmulator, type Emulator } from "../../emulator/server";

/**
 * The emulator in this test process, with the app's Admin API client routed straight into its
 * request handler (no port). The app's code is unchanged: only the transport differs.
 */
export function startInProcessEmulator(options: { seed?: "empty" | "demo" } = {}): Emulator {
  const emulator = createEmulator({
    apiKey: API_KEY,
    appSecret: API_SECRET_KEY,
    seed: options.seed ?? "empty",
  });
  shopify(); // builds the app (which installs its own routing) before we replace the transport
  const base = process.env.SHOPIFY_ADMIN_API_BASE!;
  routeShopifyFetchTo(base, (input, init) =>
    emulator.handle(new Request(input instanceof Request ? input : String(input), init)),
  );
  return emulator;
}
