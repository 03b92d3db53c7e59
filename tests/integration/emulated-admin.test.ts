import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { collectionsOverview } from "../../app/features/collections/overview.server";
import { loader as homeLoader } from "../../app/routes/app._index";
import { offlineAdmin } from "../../app/shopify/app.server";
import { ShopifyGateway, ShopifyRequestError } from "../../app/shopify/gateway.server";
import { LIVE_THEME_QUERY } from "../../app/shopify/operations/live-theme";
import { SHOP_PROFILE_QUERY } from "../../app/shopify/operations/shop-profile";
import type { Emulator } from "../../emulator/server";
import { startInProcessEmulator } from "../support/emulator";
import { runQueuedJobs } from "../support/jobs";
import { adminRequest, installShop } from "../support/sessions";

let emulator: Emulator;
const FRESH = "fresh-install.myshopify.com";
const INSTALLED = "installed-shop.myshopify.com";

beforeAll(async () => {
  emulator = startInProcessEmulator();
  const shop = emulator.createShop({ domain: INSTALLED, name: "Installed Shop" });
  await installShop(INSTALLED, shop.app.accessToken);
});

afterAll(async () => {
  await emulator.close();
});

describe("the app's Admin API client against the emulator", () => {
  it("GIVEN a shop with no session WHEN its first session token arrives THEN token exchange stores an offline session", async () => {
    const data = await homeLoader({
      request: await adminRequest(FRESH, "/app"),
      params: {},
      context: {},
    });
    expect(data.shop).toBe(FRESH);
    const session = await db().session.findUniqueOrThrow({ where: { id: `offline_${FRESH}` } });
    expect(session.accessToken).toBe(emulator.shops.get(FRESH)?.app.accessToken);
  });

  it("GIVEN the install WHEN the worker runs the profile sync THEN the shop's name, currency and zone are stored", async () => {
    await runQueuedJobs();
    const shop = await db().shop.findUniqueOrThrow({ where: { domain: FRESH } });
    expect(shop.currencyCode).toBe("SEK");
    expect(shop.ianaTimezone).toBe("Europe/Stockholm");
    expect(shop.name).toBe(emulator.shops.get(FRESH)?.name);
    expect(shop.profileSyncedAt).not.toBeNull();
  });

  it("GIVEN Shopify answers THROTTLED twice WHEN the gateway queries THEN it retries and succeeds", async () => {
    emulator.faults.set(INSTALLED, { throttle: 2 });
    const gateway = new ShopifyGateway(INSTALLED, await offlineAdmin(INSTALLED));
    const data = await gateway.query(SHOP_PROFILE_QUERY);
    expect(data.shop.name).toBe("Installed Shop");
    expect(emulator.faults.get(INSTALLED).throttle).toBe(0);
  });

  it("GIVEN two 5xx answers WHEN the gateway queries THEN it retries with backoff and succeeds", async () => {
    emulator.faults.set(INSTALLED, { serverErrors: 2, serverErrorStatus: 503 });
    const waits: number[] = [];
    const gateway = new ShopifyGateway(INSTALLED, await offlineAdmin(INSTALLED), {
      wait: async (ms) => void waits.push(ms),
    });
    const overview = await collectionsOverview(gateway);
    expect(overview).toEqual({ count: 0, exact: true });
    expect(waits).toEqual([1000, 2000]);
  });

  it("GIVEN more 5xx answers than attempts THEN the gateway gives up with the error", async () => {
    emulator.faults.set(INSTALLED, { serverErrors: 10, serverErrorStatus: 502 });
    const gateway = new ShopifyGateway(INSTALLED, await offlineAdmin(INSTALLED), {
      maxAttempts: 3,
      wait: async () => undefined,
    });
    await expect(gateway.query(SHOP_PROFILE_QUERY)).rejects.toThrow();
    emulator.faults.clear(INSTALLED);
  });

  it("GIVEN a scope the shop did not grant THEN the gateway reports Shopify's ACCESS_DENIED", async () => {
    const granted = emulator.shops.get(INSTALLED)!.app.scopes;
    emulator.shops.setScopes(INSTALLED, ["read_products"]);
    const gateway = new ShopifyGateway(INSTALLED, await offlineAdmin(INSTALLED));
    const error = await gateway.query(LIVE_THEME_QUERY).then(
      () => null,
      (e: unknown) => e,
    );
    emulator.shops.setScopes(INSTALLED, granted);
    expect(error).toBeInstanceOf(ShopifyRequestError);
    expect((error as ShopifyRequestError).codes).toEqual(["ACCESS_DENIED"]);
  });
  it("GIVEN an empty bucket WHEN the gateway queries THEN it waits for the restore the platform reports", async () => {
    const gateway = new ShopifyGateway(INSTALLED, await offlineAdmin(INSTALLED), {
      wait: (ms) => {
        waits.push(ms);
        return new Promise((resolve) => setTimeout(resolve, ms));
      },
    });
    const waits: number[] = [];
    await gateway.query(SHOP_PROFILE_QUERY); // learns the cost of the query and the bucket
    emulator.shops.get(INSTALLED)!.bucket.currentlyAvailable = 0;
    await gateway.query(SHOP_PROFILE_QUERY);
    expect(waits.length).toBeGreaterThan(0);
    expect(gateway.bucket()?.restoreRate).toBe(100);
  });
});
