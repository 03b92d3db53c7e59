// Per test file (integration): a fresh database cloned from the migrated template, and the test
// environment — embedded mode with the official test app credentials.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { API_KEY, API_SECRET_KEY, APP_URL } from "@shopify/shopify-api/test-helpers";

const serverUrl = process.env.TEST_POSTGRES_URL;
if (!serverUrl)
  throw new Error("TEST_POSTGRES_URL is not set: run through the integration project");

const database = `test_${randomUUID().replaceAll("-", "")}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${database} TEMPLATE merchdesk_template`);
await admin.end();

Object.assign(process.env, {
  NODE_ENV: "test",
  MERCHDESK_MODE: "embedded",
  DATABASE_URL: serverUrl.replace(/\/postgres$/, `/${database}`),
  SHOPIFY_API_KEY: API_KEY,
  SHOPIFY_API_SECRET: API_SECRET_KEY,
  SHOPIFY_APP_URL: APP_URL,
  LOG_LEVEL: "warn",
  // Every Admin API call goes to the in-process emulator (tests/support/emulator.ts reroutes it).
  SHOPIFY_ADMIN_API_BASE: "http://127.0.0.1:9",
});
