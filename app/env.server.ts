import { z } from "zod";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

const loopbackUrl = z
  .string()
  .url()
  .refine((value) => isLoopbackHost(new URL(value).hostname), "must be a loopback URL");

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** embedded: real Shopify auth. standalone: the local demo against the emulator. */
    MERCHDESK_MODE: z.enum(["embedded", "standalone"]).default("embedded"),
    SHOPIFY_API_KEY: z.string().min(1, "is required (the app's client id)"),
    SHOPIFY_API_SECRET: z.string().min(1, "is required (the app's client secret)"),
    SHOPIFY_APP_URL: z.string().url(),
    SCOPES: z
      .string()
      .regex(/^[a-z_]+(,[a-z_]+)*$/, "must be a comma-separated list of access scopes")
      .optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection string"),
    /** Send every Admin API call to this local server instead of Shopify (emulator). */
    SHOPIFY_ADMIN_API_BASE: loopbackUrl.optional(),
    SHOP_CUSTOM_DOMAIN: z.string().optional(),
    DEMO_SHOP: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, "must be a *.myshopify.com domain")
      .default("merchdesk-demo.myshopify.com"),
    DEMO_ACCESS_TOKEN: z.string().optional(),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  })
  .superRefine((env, ctx) => {
    if (env.MERCHDESK_MODE === "standalone") {
      if (!env.SHOPIFY_ADMIN_API_BASE) {
        ctx.addIssue({
          code: "custom",
          path: ["SHOPIFY_ADMIN_API_BASE"],
          message: "is required in standalone mode (the local Shopify emulator)",
        });
      }
      if (!env.DEMO_ACCESS_TOKEN) {
        ctx.addIssue({
          code: "custom",
          path: ["DEMO_ACCESS_TOKEN"],
          message: "is required in standalone mode (the demo shop's emulator token)",
        });
      }
      if (!isLoopbackHost(new URL(env.SHOPIFY_APP_URL).hostname)) {
        ctx.addIssue({
          code: "custom",
          path: ["SHOPIFY_APP_URL"],
          message: "must be a localhost URL in standalone mode",
        });
      }
    } else if (env.SHOPIFY_ADMIN_API_BASE && env.NODE_ENV === "production") {
      ctx.addIssue({
        code: "custom",
        path: ["SHOPIFY_ADMIN_API_BASE"],
        message: "must not be set for an embedded production app: it talks to Shopify itself",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Validates a raw environment; throws an EnvError naming every bad variable. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (issue) => `  - ${issue.path.join(".") || "(env)"}: ${issue.message}`,
  );
  throw new EnvError(`Merchdesk configuration is invalid:\n${lines.join("\n")}`);
}

let cached: Env | undefined;

/** The process environment, validated once. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The only values the browser ever receives (an explicit allow-list; no secrets). */
export function publicEnv(env: Env = getEnv()) {
  return { apiKey: env.SHOPIFY_API_KEY, mode: env.MERCHDESK_MODE };
}
export type PublicEnv = ReturnType<typeof publicEnv>;
