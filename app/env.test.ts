import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, publicEnv } from "./env.server";

const base = {
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://merchdesk.example.com",
  DATABASE_URL: "postgresql://u:p@db.example.com:5432/merchdesk",
};

describe("environment", () => {
  it("GIVEN the required variables THEN embedded mode with defaults", () => {
    const env = parseEnv(base);
    expect(env.MERCHDESK_MODE).toBe("embedded");
    expect(env.DEMO_SHOP).toBe("merchdesk-demo.myshopify.com");
  });

  it("GIVEN missing and malformed variables THEN one error names each of them", () => {
    const error = (() => {
      try {
        parseEnv({ SHOPIFY_APP_URL: "not a url", DATABASE_URL: "mysql://x" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    for (const name of [
      "SHOPIFY_API_KEY",
      "SHOPIFY_API_SECRET",
      "SHOPIFY_APP_URL",
      "DATABASE_URL",
    ]) {
      expect(message).toContain(name);
    }
  });

  it("GIVEN standalone mode on a public URL THEN it is refused", () => {
    expect(() =>
      parseEnv({
        ...base,
        MERCHDESK_MODE: "standalone",
        SHOPIFY_ADMIN_API_BASE: "http://127.0.0.1:4100",
        DEMO_ACCESS_TOKEN: "t",
      }),
    ).toThrow(/SHOPIFY_APP_URL: must be a localhost URL in standalone mode/);
  });

  it("GIVEN an embedded production app with a local Admin API base THEN it is refused", () => {
    expect(() =>
      parseEnv({
        ...base,
        NODE_ENV: "production",
        SHOPIFY_ADMIN_API_BASE: "http://127.0.0.1:4100",
      }),
    ).toThrow(/SHOPIFY_ADMIN_API_BASE: must not be set for an embedded production app/);
  });

  it("GIVEN a local Admin API base that is not loopback THEN it is refused", () => {
    expect(() => parseEnv({ ...base, SHOPIFY_ADMIN_API_BASE: "http://10.0.0.5:4100" })).toThrow(
      /SHOPIFY_ADMIN_API_BASE: must be a loopback URL/,
    );
  });

  it("GIVEN a full environment THEN the browser only receives the api key and the mode", () => {
    expect(publicEnv(parseEnv(base))).toEqual({ apiKey: "key", mode: "embedded" });
  });
});
