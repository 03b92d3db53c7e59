// Unpacks the vendored Admin API introspection to where @shopify/api-codegen-preset reads it.
import fs from "node:fs";
import zlib from "node:zlib";

const version = "2026-10";
const source = `schema/admin-${version}.introspection.json.gz`;
const target = `app/types/admin-${version}.schema.json`;
fs.mkdirSync("app/types", { recursive: true });
if (!fs.existsSync(target) || fs.statSync(target).mtimeMs < fs.statSync(source).mtimeMs) {
  fs.writeFileSync(target, zlib.gunzipSync(fs.readFileSync(source)));
}
