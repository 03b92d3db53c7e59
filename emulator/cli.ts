import { parseArgs } from "node:util";
import { API_VERSION, createEmulator } from "./server";

/**
 * `npm run emulator -- [--port N] [--seed demo|empty|large] [--state FILE] [--webhook-url URL]`
 *
 * Starts the emulator and prints exactly one line on stdout (scripts parse it):
 *   Admin API: http://127.0.0.1:<port>/admin/api/2026-10/graphql.json token=<token> shop=<domain>
 * With --state, the shops are loaded from FILE when it exists and saved to it on SIGINT/SIGTERM.
 * The app credentials come from SHOPIFY_API_KEY / SHOPIFY_API_SECRET (local defaults below).
 */

export const LOCAL_API_KEY = "merchdesk-local-api-key";
export const LOCAL_API_SECRET = "merchdesk-local-api-secret";

const SEEDS = ["demo", "empty", "large"] as const;
type Seed = (typeof SEEDS)[number];

function isSeed(value: string): value is Seed {
  return (SEEDS as readonly string[]).includes(value);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "0" },
      host: { type: "string", default: "127.0.0.1" },
      seed: { type: "string", default: "demo" },
      state: { type: "string" },
      "webhook-url": { type: "string" },
      "simulate-shoppers": { type: "boolean", default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0-65535, got ${values.port}`);
  if (!isSeed(values.seed))
    throw new Error(`--seed must be one of ${SEEDS.join(", ")}, got ${values.seed}`);

  const emulator = createEmulator({
    apiKey: process.env.SHOPIFY_API_KEY || LOCAL_API_KEY,
    appSecret: process.env.SHOPIFY_API_SECRET || LOCAL_API_SECRET,
    seed: values.seed,
    statePath: values.state,
    webhookUrl: values["webhook-url"],
    simulateShoppers: values["simulate-shoppers"],
  });
  const { url } = await emulator.listen(port, values.host);
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
