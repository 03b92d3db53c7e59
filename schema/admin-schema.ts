import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

/** The Admin API version whose schema is vendored here. */
export const ADMIN_API_VERSION = "2026-10";

export const SCHEMA_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  `admin-${ADMIN_API_VERSION}.introspection.json.gz`,
);

/** One entry of the file's `offline_scopes.items` (the platform's per-type/field access data). */
export interface OfflineScopeItem {
  type: "type" | "field";
  typeName: string;
  fieldName?: string;
  requiredAccess: string;
  offlineScopes: string[];
}

interface IntrospectionFile {
  data: IntrospectionQuery;
  offline_scopes?: { items: OfflineScopeItem[] };
}

let file: IntrospectionFile | undefined;
let cached: GraphQLSchema | undefined;

/** The vendored introspection file as JSON (read once). */
export function adminIntrospection(): IntrospectionFile {
  file ??= JSON.parse(
    zlib.gunzipSync(fs.readFileSync(SCHEMA_FILE)).toString("utf8"),
  ) as IntrospectionFile;
  return file;
}

/**
 * The Admin API schema, built from the vendored introspection (which keeps `isOneOf`, so
 * graphql-js enforces `@oneOf` inputs exactly like the platform). Shared by the app's contract
 * test and the emulator.
 */
export function adminSchema(): GraphQLSchema {
  cached ??= buildClientSchema(adminIntrospection().data, { assumeValid: true });
  return cached;
}
