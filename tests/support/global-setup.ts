// vitest globalSetup (integration): one throwaway embedded PostgreSQL for the run, migrated once
// into a template database; every test file then gets its own copy (see setup.ts).
import { execFileSync } from "node:child_process";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres";

export const TEMPLATE_DB = "merchdesk_template";

export default async function setup() {
  const server = await startEmbeddedPostgres({ persistent: false });
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = server.url.replace(/\/postgres$/, `/${TEMPLATE_DB}`);
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    stdio: "pipe",
    env: {
      ...process.env,
      DATABASE_URL: templateUrl,
      NODE_OPTIONS: "--require=./scripts/unref-long-timers.cjs",
    },
  });
  process.env.TEST_POSTGRES_URL = server.url; // inherited by the test workers
  return async () => {
    await server.stop();
  };
}
