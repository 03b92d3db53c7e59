import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

const SCHEMA_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../schema/admin-2026-10.introspection.json.gz",
);

let cached: GraphQLSchema | undefined;

/**
 * The Admin API 2026-10 schema, built from the vendored introspection (which keeps `isOneOf`, so
 * graphql-js enforces `@oneOf` inputs exactly like the platform).
 */
export function adminSchema(): GraphQLSchema {
  if (!cached) {
    const json = JSON.parse(zlib.gunzipSync(fs.readFileSync(SCHEMA_FILE)).toString("utf8")) as {
      data: IntrospectionQuery;
    };
    cached = buildClientSchema(json.data, { assumeValid: true });
  }
  return cached;
}
