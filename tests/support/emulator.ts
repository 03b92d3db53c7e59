import { API_KEY, API_SECRET_KEY } from "@shopify/shopify-api/test-helpers";
import { offlineAdmin, shopify } from "../../app/shopify/app.server";
import { ShopifyGateway } from "../../app/shopify/gateway.server";
import { routeShopifyFetchTo } from "../../app/shopify/local-admin-fetch.server";
import { setBulkResultFetch } from "../../app/shopify/bulk.server";
import { setBulkUploadFetch } from "../../app/shopify/bulk-mutation.server";
import { createEmulator, type Emulator } from "../../emulator/server";
import type { Collection } from "../../emulator/store/types";
import { installShop } from "./sessions";

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
  // Bulk operation files (staged uploads, JSONL results) have emulator URLs too: same handler.
  const toEmulator = (url: string, init?: RequestInit) => emulator.handle(new Request(url, init));
  setBulkResultFetch(toEmulator);
  setBulkUploadFetch(toEmulator);
  return emulator;
}

/**
 * The in-process emulator with the seeded demo store installed for the app under `domain`, and
 * the app's gateway to it (as the worker builds it).
 */
export async function installDemoShop(
  domain: string,
): Promise<{ emulator: Emulator; gateway: ShopifyGateway }> {
  const emulator = startInProcessEmulator();
  const shop = emulator.createShop({ domain, seed: "demo" });
  await installShop(domain, shop.app.accessToken);
  return { emulator, gateway: new ShopifyGateway(domain, await offlineAdmin(domain)) };
}

/** One of an emulated shop's collections by handle; a missing one fails the test loudly. */
export function collectionByHandle(emulator: Emulator, domain: string, handle: string): Collection {
  const found = [...emulator.shops.get(domain)!.collections.values()].find(
    (c) => c.handle === handle,
  );
  if (!found) throw new Error(`no collection ${handle}`);
  return found;
}
