// The standalone demo, everything embedded: PostgreSQL, the Shopify emulator with the seeded demo
// store, the worker and the app. Prints the URL to open. Ctrl-C stops it all.
//   npm run demo [-- --port 3000] [--emulator-port 4100] [--data-dir .data] [--dev] [--fresh]
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createEmulator } from "../emulator/server";
import { freePort, startEmbeddedPostgres } from "../tests/support/embedded-postgres";

const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: "3000" },
    "emulator-port": { type: "string", default: "4100" },
    "db-port": { type: "string", default: "55440" },
    "data-dir": { type: "string", default: ".data" },
    dev: { type: "boolean", default: false },
    fresh: { type: "boolean", default: false },
    "no-shoppers": { type: "boolean", default: false },
  },
});

const API_KEY = process.env.SHOPIFY_API_KEY ?? "merchdesk-demo-key";
const API_SECRET = process.env.SHOPIFY_API_SECRET ?? "merchdesk-demo-secret";
const dataDir = path.resolve(args["data-dir"]);
const children: ChildProcess[] = [];
const log = (line: string) => console.log(`[demo] ${line}`);

async function portOrFree(preferred: number): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve) => {
    const probe = createServer()
      .once("error", () => void freePort().then(resolve))
      .listen(preferred, "127.0.0.1", () => probe.close(() => resolve(preferred)));
  });
}

function run(name: string, command: string, commandArgs: string[], env: NodeJS.ProcessEnv) {
  // Its own process group, so stopping it also stops what npx started beneath it.
  const child = spawn(command, commandArgs, {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split("\n")
      .filter(Boolean)
      .map((line) => `[${name}] ${line}`)
      .join("\n");
  child.stdout?.on("data", (chunk: Buffer) => console.log(prefix(chunk)));
  child.stderr?.on("data", (chunk: Buffer) => console.error(prefix(chunk)));
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`[demo] ${name} exited (${signal ?? code}); stopping the demo`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
}

function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () =>
      fetch(url, { redirect: "manual" })
        .then(() => resolve())
        .catch(() => {
          if (Date.now() > deadline) reject(new Error(`${url} did not answer in time`));
          else setTimeout(attempt, 300);
        });
    attempt();
  });
}

let stopping = false;
const cleanup: (() => Promise<void>)[] = [];
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  // Children first (the worker finishes its jobs), then the emulator and the database.
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const signalGroup = (signal: NodeJS.Signals) => {
            if (child.pid) process.kill(-child.pid, signal);
          };
          const timer = setTimeout(() => {
            signalGroup("SIGKILL");
            resolve();
          }, 20_000);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          signalGroup("SIGTERM");
        }),
    ),
  );
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

if (args.fresh) fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });

const dbPort = await portOrFree(Number(args["db-port"]));
const db = await startEmbeddedPostgres({
  dataDir: path.join(dataDir, "pg"),
  port: dbPort,
  persistent: true,
});
cleanup.push(() => db.stop());
log(`PostgreSQL on 127.0.0.1:${dbPort}`);
execFileSync("npx", ["prisma", "migrate", "deploy"], {
  stdio: "pipe",
  env: {
    ...process.env,
    DATABASE_URL: db.url,
    NODE_OPTIONS: "--require=./scripts/unref-long-timers.cjs",
  },
});

const appPort = await portOrFree(Number(args.port));
const appUrl = `http://localhost:${appPort}`;
const emulator = createEmulator({
  seed: "demo",
  apiKey: API_KEY,
  appSecret: API_SECRET,
  webhookUrl: `http://127.0.0.1:${appPort}/webhooks`,
  // shopify.app.toml [app_proxy]: the storefront's /apps/merchdesk/* goes to the app, signed.
  appProxy: { url: `http://127.0.0.1:${appPort}/proxy`, subpath: "merchdesk" },
  simulateShoppers: !args["no-shoppers"],
  statePath: path.join(dataDir, "emulator-state.json"),
});
const emulatorPort = await portOrFree(Number(args["emulator-port"]));
const { url: emulatorUrl } = await emulator.listen(emulatorPort);
cleanup.push(async () => {
  await emulator.close();
  emulator.saveState(); // the store (orders placed by simulated shoppers too) survives a restart
});
const demoShop = emulator.shops.get(emulator.defaultShopDomain);
if (!demoShop) throw new Error("the emulator has no demo shop");
log(`Shopify emulator: ${emulatorUrl} (shop ${demoShop.domain})`);

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: args.dev ? "development" : "production",
  MERCHDESK_MODE: "standalone",
  DATABASE_URL: db.url,
  SHOPIFY_API_KEY: API_KEY,
  SHOPIFY_API_SECRET: API_SECRET,
  SHOPIFY_APP_URL: appUrl,
  SHOPIFY_ADMIN_API_BASE: emulatorUrl,
  DEMO_SHOP: demoShop.domain,
  DEMO_ACCESS_TOKEN: demoShop.app.accessToken,
  HOST: "127.0.0.1",
  PORT: String(appPort),
};

if (args.dev) {
  run(
    "app",
    "npx",
    ["remix", "vite:dev", "--host", "127.0.0.1", "--port", String(appPort), "--strictPort"],
    env,
  );
} else {
  log("building the app…");
  execFileSync("npx", ["remix", "vite:build"], { stdio: "pipe", env });
  run("app", "npx", ["remix-serve", "./build/server/index.js"], env);
}
run("worker", "npx", ["tsx", "worker/index.ts"], env);
await waitForHttp(`${appUrl}/healthz`, 120_000);
console.log(`\nMerchdesk demo is running: ${appUrl}/app\n(Ctrl-C stops it)`);
