import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { appProxyFromToml, parseCliArgs } from "./cli-args";

const repoToml = readFileSync(new URL("../shopify.app.toml", import.meta.url), "utf8");
const toml = (body: string) => () => body;
const noConfig = () => {
  throw new Error("the app config must not be read without --app-url");
};

describe("emulator CLI arguments", () => {
  it("GIVEN no arguments THEN the defaults, and no app proxy", () => {
    expect(parseCliArgs([], noConfig)).toEqual({
      port: 0,
      host: "127.0.0.1",
      seed: "demo",
      statePath: undefined,
      webhookUrl: undefined,
      simulateShoppers: false,
    });
  });

  it("GIVEN --app-url THEN the repository's [app_proxy] gives the path and subpath", () => {
    expect(appProxyFromToml(repoToml)).toEqual({
      url: "https://example.com/proxy",
      subpath: "merchdesk",
      prefix: "apps",
    });
    const options = parseCliArgs(
      ["--port", "4010", "--app-url", "http://127.0.0.1:3000"],
      toml(repoToml),
    );
    expect(options.port).toBe(4010);
    expect(options.appProxy).toEqual({
      url: "http://127.0.0.1:3000/proxy",
      subpath: "merchdesk",
      prefix: "apps",
    });
  });

  it("GIVEN --app-config and --app-proxy-subpath THEN that file is read and the flag wins", () => {
    const read: (string | undefined)[] = [];
    const options = parseCliArgs(
      [
        "--app-url",
        "https://tunnel.example/app/",
        "--app-config",
        "other.toml",
        "--app-proxy-subpath",
        "md-dev",
      ],
      (path) => {
        read.push(path);
        return `
[app_proxy] # the storefront path
url = 'https://example.com/shopify/proxy' # where Shopify sends it
subpath = "merchdesk"

[webhooks]
url = "https://elsewhere/"
`;
      },
    );
    expect(read).toEqual(["other.toml"]);
    expect(options.appProxy).toEqual({
      url: "https://tunnel.example/app/shopify/proxy",
      subpath: "md-dev",
      prefix: "apps",
    });
  });

  it("GIVEN mistakes THEN each is refused with what was wrong", () => {
    expect(() => parseCliArgs(["--port", "70000"], noConfig)).toThrow("--port must be 0-65535");
    expect(() => parseCliArgs(["--seed", "huge"], noConfig)).toThrow("--seed must be one of");
    expect(() => parseCliArgs(["--app-proxy-subpath", "x"], noConfig)).toThrow("need --app-url");
    expect(() => parseCliArgs(["--app-url", "ftp://x"], toml(repoToml))).toThrow(
      "--app-url must be an http(s) URL",
    );
    expect(() => parseCliArgs(["--app-url", "http://a"], toml("[build]\nx = 1\n"))).toThrow(
      "no [app_proxy] url",
    );
    expect(() =>
      parseCliArgs(["--app-url", "http://a", "--app-proxy-subpath", "a/b"], toml(repoToml)),
    ).toThrow("letters, digits");
    expect(() =>
      parseCliArgs(
        ["--app-url", "http://a"],
        toml('[app_proxy]\nurl = "https://e/proxy"\nsubpath = "m"\nprefix = "tools"\n'),
      ),
    ).toThrow("under /apps only");
    expect(() => parseCliArgs(["--unknown"], noConfig)).toThrow();
  });
});
