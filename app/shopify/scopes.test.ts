import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { APP_SCOPES } from "./scopes";

const toml = fs.readFileSync(path.resolve(__dirname, "../../shopify.app.toml"), "utf8");

describe("shopify.app.toml", () => {
  it("GIVEN the app's scopes THEN the toml requests exactly those", () => {
    const scopes = toml.match(/^scopes = "([^"]*)"/m)?.[1].split(",");
    expect(scopes).toEqual([...APP_SCOPES]);
  });

  it("GIVEN the webhook config THEN it pins 2026-10 and subscribes uninstall and compliance topics", () => {
    expect(toml).toMatch(/^api_version = "2026-10"/m);
    expect(toml).toContain('"app/uninstalled"');
    expect(toml).toMatch(
      /compliance_topics = \["customers\/data_request", "customers\/redact", "shop\/redact"\]/,
    );
  });
});
