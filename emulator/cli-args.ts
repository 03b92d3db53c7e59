import { parseArgs } from "node:util";
import type { AppProxyConfig } from "./storefront/app-proxy";

/**
 * The emulator CLI's arguments (cli.ts), parsed and checked without starting anything, so the
 * parsing is testable. Reading the app's config file is left to the caller (`readAppConfig`).
 */

export const SEEDS = ["demo", "empty", "large"] as const;
export type Seed = (typeof SEEDS)[number];
const isSeed = (value: string): value is Seed => (SEEDS as readonly string[]).includes(value);

export interface CliOptions {
  port: number;
  host: string;
  seed: Seed;
  statePath?: string;
  webhookUrl?: string;
  simulateShoppers: boolean;
  /** Set with --app-url: the storefront's app proxy path is forwarded, signed, to the app. */
  appProxy?: AppProxyConfig;
}

export const USAGE =
  "npm run emulator -- [--port N] [--host H] [--seed demo|empty|large] [--state FILE] " +
  "[--webhook-url URL] [--simulate-shoppers] [--app-url URL [--app-proxy-subpath NAME] [--app-config FILE]]";

/** `[app_proxy]` of shopify.app.toml: only the keys the emulator needs. */
export interface AppProxyToml {
  url?: string;
  subpath?: string;
  prefix?: string;
}

/**
 * Reads the `[app_proxy]` table of an app config (TOML). Only what that table holds in practice is
 * understood: `key = "string"` lines (single or double quotes) and comments; anything else in the
 * table is ignored.
 */
export function appProxyFromToml(text: string): AppProxyToml {
  const table: AppProxyToml = {};
  let inTable = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith("[")) {
      inTable = /^\[\s*app_proxy\s*\]\s*(#.*)?$/.test(line);
      continue;
    }
    if (!inTable) continue;
    const match = /^(url|subpath|prefix)\s*=\s*(?:"([^"]*)"|'([^']*)')\s*(#.*)?$/.exec(line);
    if (match) table[match[1] as keyof AppProxyToml] = match[2] ?? match[3];
  }
  return table;
}

const PREFIXES = ["apps", "a", "community", "tools"] as const;
type Prefix = (typeof PREFIXES)[number];
const isPrefix = (value: string): value is Prefix =>
  (PREFIXES as readonly string[]).includes(value);

/**
 * The app proxy to forward to: the app at `appUrl` (its address, like `application_url`) plus the
 * path of `[app_proxy] url` (e.g. `/proxy`), under `/<prefix>/<subpath>` from the same table or
 * the --app-proxy-subpath flag.
 */
export function appProxyConfig(
  appUrl: string,
  toml: AppProxyToml,
  subpathFlag: string | undefined,
): AppProxyConfig {
  let base: URL;
  try {
    base = new URL(appUrl);
  } catch {
    throw new Error(`--app-url must be an http(s) URL, got ${appUrl}`);
  }
  if (base.protocol !== "http:" && base.protocol !== "https:")
    throw new Error(`--app-url must be an http(s) URL, got ${appUrl}`);
  if (!toml.url) throw new Error("the app config has no [app_proxy] url");
  let proxyPath: string;
  try {
    proxyPath = new URL(toml.url).pathname;
  } catch {
    throw new Error(`[app_proxy] url is not a URL: ${toml.url}`);
  }
  const subpath = subpathFlag ?? toml.subpath;
  if (!subpath)
    throw new Error("no app proxy subpath: set [app_proxy] subpath or --app-proxy-subpath");
  // Shopify allows letters, digits, "-" and "_" in the subpath.
  if (!/^[A-Za-z0-9_-]+$/.test(subpath))
    throw new Error(`the app proxy subpath must be letters, digits, - or _, got ${subpath}`);
  const prefix = toml.prefix ?? "apps";
  if (!isPrefix(prefix))
    throw new Error(`[app_proxy] prefix must be one of ${PREFIXES.join(", ")}, got ${prefix}`);
  // The emulator's storefront routes only /apps/… to the proxy.
  if (prefix !== "apps")
    throw new Error(`the emulator forwards the app proxy under /apps only, not /${prefix}`);
  const url = `${base.origin}${base.pathname.replace(/\/+$/, "")}${proxyPath.replace(/\/+$/, "")}`;
  return { url, subpath, prefix };
}

export function parseCliArgs(
  args: string[],
  readAppConfig: (path: string | undefined) => string,
): CliOptions {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string", default: "0" },
      host: { type: "string", default: "127.0.0.1" },
      seed: { type: "string", default: "demo" },
      state: { type: "string" },
      "webhook-url": { type: "string" },
      "simulate-shoppers": { type: "boolean", default: false },
      "app-url": { type: "string" },
      "app-proxy-subpath": { type: "string" },
      "app-config": { type: "string" },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0-65535, got ${values.port}`);
  const seed = values.seed;
  if (!isSeed(seed)) throw new Error(`--seed must be one of ${SEEDS.join(", ")}, got ${seed}`);
  const appUrl = values["app-url"];
  if (!appUrl && (values["app-proxy-subpath"] || values["app-config"]))
    throw new Error("--app-proxy-subpath and --app-config need --app-url");
  return {
    port,
    host: values.host,
    seed,
    statePath: values.state,
    webhookUrl: values["webhook-url"],
    simulateShoppers: values["simulate-shoppers"],
    ...(appUrl
      ? {
          appProxy: appProxyConfig(
            appUrl,
            appProxyFromToml(readAppConfig(values["app-config"])),
            values["app-proxy-subpath"],
          ),
        }
      : {}),
  };
}
