// Refreshes the vendored Admin API schema from the @shopify/dev-mcp npm package, which ships
// introspection files per API version.
//   npm run schema:update -- <version> [--package <npm spec>] [--out <dir>]
// Then: bump ApiVersion in app/shopify/app.server.ts and api_version in shopify.app.toml, and run
// `npm test` — the schema contract test lists every operation the new version breaks.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    package: { type: "string", default: "@shopify/dev-mcp@latest" },
    out: { type: "string", default: "schema" },
  },
});
const version = positionals[0];
if (!version || !/^(\d{4}-(01|04|07|10)|unstable)$/.test(version)) {
  console.error("usage: npm run schema:update -- <YYYY-01|04|07|10 | unstable>");
  process.exit(2);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "merchdesk-schema-"));
try {
  const tarball = execFileSync("npm", ["pack", values.package, "--silent"], { cwd: work })
    .toString()
    .trim()
    .split("\n")
    .at(-1)!;
  const member = `package/dist/data/admin_${version}.json.gz`;
  const listing = execFileSync("tar", ["tzf", tarball], { cwd: work }).toString().split("\n");
  if (!listing.includes(member)) {
    const available = listing
      .map((name) => name.match(/dist\/data\/admin_(.+)\.json\.gz$/)?.[1])
      .filter(Boolean);
    console.error(
      `${values.package} has no Admin schema ${version}; it has: ${available.join(", ")}`,
    );
    process.exit(1);
  }
  execFileSync("tar", ["xzf", tarball, member], { cwd: work });
  const gz = fs.readFileSync(path.join(work, member));
  const parsed = JSON.parse(zlib.gunzipSync(gz).toString("utf8")) as {
    data?: { __schema?: unknown };
  };
  if (!parsed.data?.__schema) throw new Error(`${member} is not an introspection result`);
  fs.mkdirSync(values.out, { recursive: true });
  const target = path.join(values.out, `admin-${version}.introspection.json.gz`);
  fs.writeFileSync(target, gz);
  console.log(`wrote ${target} (${(gz.length / 1024).toFixed(0)} KiB) from ${tarball}`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
