import { execFileSync } from "node:child_process";
import { API_KEY, API_SECRET_KEY, APP_URL } from "@shopify/shopify-api/test-helpers";
import { startEmbeddedPostgres } from "../tests/support/embedded-postgres";

/** A throwaway embedded PostgreSQL with Merchdesk's migrations applied, for one benchmark run. */
export async function startMigratedDatabase() {
  const db = await startEmbeddedPostgres({ persistent: false });
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    stdio: "pipe",
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      NODE_OPTIONS: "--require=./scripts/unref-long-timers.cjs",
    },
  });
  return db;
}

/**
 * The app's environment for a benchmark that drives it in this process against the in-process
 * emulator (set before the app's modules are imported).
 */
export function setInProcessAppEnv(databaseUrl: string) {
  Object.assign(process.env, {
    NODE_ENV: "test",
    MERCHDESK_MODE: "embedded",
    DATABASE_URL: databaseUrl,
    SHOPIFY_API_KEY: API_KEY,
    SHOPIFY_API_SECRET: API_SECRET_KEY,
    SHOPIFY_APP_URL: APP_URL,
    LOG_LEVEL: "error",
    SHOPIFY_ADMIN_API_BASE: "http://127.0.0.1:9",
  });
}
