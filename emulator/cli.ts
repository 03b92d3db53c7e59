import { readFileSync } from "node:fs";
import { parseCliArgs, USAGE } from "./cli-args";
import { API_VERSION, createEmulator } from "./server";

/**
 * `npm run emulator -- [--port N] [--host H] [--seed demo|empty|large] [--state FILE]
 *   [--webhook-url URL] [--simulate-shoppers] [--app-url URL [--app-proxy-subpath NAME]
 *   [--app-config FILE]]`
 *
 * Starts the emulator and prints exactly one line on stdout (scripts parse it):
 *   Admin API: http://127.0.0.1:<port>/admin/api/2026-10/graphql.json token=<token> shop=<domain>
 * With --state, the shops are loaded from FILE when it exists and saved to it on SIGINT/SIGTERM.
 * With --app-url, the storefront's app proxy (`/apps/<subpath>/*`, from the `[app_proxy]` table of
 * shopify.app.toml or --app-config) is forwarded, signed, to the app at that URL.
 * The app credentials come from SHOPIFY_API_KEY / SHOPIFY_API_SECRET (local defaults below).
 */

export const LOCAL_API_KEY = "merchdesk-local-api-key";
export const LOCAL_API_SECRET = "merchdesk-local-api-secret";

/** The app's config: --app-config, else the repository's shopify.app.toml. */
function readAppConfig(path: string | undefined): string {
  return readFileSync(path ?? new URL("../shopify.app.toml", import.meta.url), "utf8");
}

async function main(): Promise<void> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2), readAppConfig);
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nusage: ${USAGE}`);
  }
  const emulator = createEmulator({
    apiKey: process.env.SHOPIFY_API_KEY || LOCAL_API_KEY,
    appSecret: process.env.SHOPIFY_API_SECRET || LOCAL_API_SECRET,
    seed: options.seed,
    statePath: options.statePath,
    webhookUrl: options.webhookUrl,
    simulateShoppers: options.simulateShoppers,
    appProxy: options.appProxy,
  });
  const { url } = await emulator.listen(options.port, options.host);
  const shop = emulator.shops.require(emulator.defaultShopDomain);
  process.stdout.write(
    `Admin API: ${url}/admin/api/${API_VERSION}/graphql.json token=${shop.app.accessToken} shop=${shop.domain}\n`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      try {
        const saved = emulator.saveState();
        if (saved) console.error(`emulator: state saved to ${saved} (${signal})`);
        await emulator.close();
      } finally {
        process.exit(0);
      }
    })();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(`emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
