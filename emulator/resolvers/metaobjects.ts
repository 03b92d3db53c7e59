import type { EmulatorContext, Resolvers } from "../graphql/context";
import { paginate, type ConnectionArgs } from "../graphql/connection";
import { compileSearch, matchText, matchTime } from "../analytics/search-query";
import type { Metaobject, MetaobjectDefinition, ShopState } from "../store/types";
import { requireAnyScope } from "./content-access";
import { isKnownMetafieldType, isValidMetafieldValue, metafieldJsonValue } from "./metafields";

type MetaobjectErrorCode =
  | "BLANK"
  | "DUPLICATE_FIELD_INPUT"
  | "INVALID"
  | "INVALID_TYPE"
  | "INVALID_VALUE"
  | "OBJECT_FIELD_REQUIRED"
  | "RECORD_NOT_FOUND"
  | "TAKEN"
  | "TOO_LONG"
  | "TOO_SHORT"
  | "UNDEFINED_OBJECT_FIELD"
  | "UNDEFINED_OBJECT_TYPE";

interface MetaobjectUserError {
  code: MetaobjectErrorCode;
  field: string[];
  message: string;
  elementIndex: number | null;
  elementKey: string | null;
}

function userError(
  code: MetaobjectErrorCode,
  field: string[],
  message: string,
  element: { index?: number; key?: string } = {},
): MetaobjectUserError {
  return {
    code,
    field,
    message,
    elementIndex: element.index ?? null,
    elementKey: element.key ?? null,
  };
}

/** `$app:campaign` -> `app--<app id>--campaign`, as Shopify stores app-reserved types. */
export function resolveMetaobjectType(shop: ShopState, type: string): string {
  if (!type.startsWith("$app:")) return type;
  return `app--${shop.app.id.slice(shop.app.id.lastIndexOf("/") + 1)}--${type.slice(5)}`;
}

function definitionByType(shop: ShopState, type: string): MetaobjectDefinition | undefined {
  const resolved = resolveMetaobjectType(shop, type);
  for (const definition of shop.metaobjectDefinitions.values()) {
    if (definition.type === resolved) return definition;
  }
  return undefined;
}

function findByHandle(shop: ShopState, type: string, handle: string): Metaobject | undefined {
  for (const metaobject of shop.metaobjects.values()) {
    if (metaobject.type === type && metaobject.handle === handle) return metaobject;
  }
  return undefined;
}

const TYPE_PATTERN = /^[A-Za-z0-9_-]+$/;
const HANDLE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface DefinitionInput {
  type: string;
  name?: string | null;
  displayNameKey?: string | null;
  access?: { storefront?: "NONE" | "PUBLIC_READ" | null } | null;
  fieldDefinitions?:
    { key: string; type: string; name?: string | null; required?: boolean | null }[] | null;
}

function validateDefinition(
  shop: ShopState,
  input: DefinitionInput,
  type: string,
): MetaobjectUserError[] {
  const at = (...path: string[]) => ["definition", ...path];
  const errors: MetaobjectUserError[] = [];
  if (type.length < 3)
    errors.push(userError("TOO_SHORT", at("type"), "Type is too short (minimum is 3 characters)"));
  else if (type.length > 255)
    errors.push(userError("TOO_LONG", at("type"), "Type is too long (maximum is 255 characters)"));
  else if (!TYPE_PATTERN.test(type))
    errors.push(userError("INVALID", at("type"), "Type contains invalid characters"));
  else if (definitionByType(shop, type))
    errors.push(userError("TAKEN", at("type"), "Type has already been taken"));
  const seen = new Set<string>();
  (input.fieldDefinitions ?? []).forEach((field, index) => {
    const path = at("fieldDefinitions", String(index));
    if (seen.has(field.key)) {
      errors.push(
        userError("DUPLICATE_FIELD_INPUT", [...path, "key"], `Duplicate field key: ${field.key}`, {
          index,
          key: field.key,
        }),
      );
    }
    seen.add(field.key);
    if (!isKnownMetafieldType(field.type)) {
      errors.push(
        userError("INVALID_TYPE", [...path, "type"], `Unsupported field type: ${field.type}`, {
          index,
          key: field.key,
        }),
      );
    }
  });
  if (input.displayNameKey && !seen.has(input.displayNameKey)) {
    errors.push(
      userError("INVALID", at("displayNameKey"), "Display name key must be one of the field keys"),
    );
  }
  return errors;
}

function metaobjectDefinitionCreate(
  _source: unknown,
  args: Record<string, unknown>,
  ctx: EmulatorContext,
) {
  const { shop } = ctx;
  requireAnyScope(shop, "Mutation", "metaobjectDefinitionCreate", ["write_metaobject_definitions"]);
  const input = args.definition as DefinitionInput;
  const type = resolveMetaobjectType(shop, input.type);
  const userErrors = validateDefinition(shop, input, type);
  if (userErrors.length) return { metaobjectDefinition: null, userErrors };
  const definition: MetaobjectDefinition = {
    id: ctx.nextGid(shop, "MetaobjectDefinition"),
    type,
    name: input.name ?? input.type,
    displayNameKey: input.displayNameKey ?? null,
    storefrontAccess: input.access?.storefront ?? "NONE",
    fieldDefinitions: (input.fieldDefinitions ?? []).map((field) => ({
      key: field.key,
      type: field.type,
      name: field.name ?? null,
      required: field.required ?? false,
    })),
    createdAt: ctx.clock.nowIso(),
  };
  shop.metaobjectDefinitions.set(definition.id, definition);
  return { metaobjectDefinition: definition, userErrors: [] };
}

interface UpsertInput {
  handle?: string | null;
  fields?: { key: string; value: string }[] | null;
  capabilities?: { publishable?: { status: "ACTIVE" | "DRAFT" } | null } | null;
}

/** A `values` JSON entry as stored text: strings as is, anything else JSON-encoded, null clears. */
function storedValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * The field values an upsert asks for: `values` replaces every field (omitted keys cleared),
 * `metaobject.fields` changes only the keys it names.
 */
function requestedValues(
  definition: MetaobjectDefinition,
  current: Record<string, string | null>,
  input: UpsertInput | null,
  values: unknown,
): { fields: Record<string, string | null>; errors: MetaobjectUserError[] } {
  const known = new Set(definition.fieldDefinitions.map((field) => field.key));
  const errors: MetaobjectUserError[] = [];
  if (values !== undefined && values !== null) {
    if (typeof values !== "object" || Array.isArray(values)) {
      return {
        fields: current,
        errors: [
          userError("INVALID", ["values"], "values must be a JSON object keyed by field key"),
        ],
      };
    }
    const fields: Record<string, string | null> = Object.fromEntries(
      [...known].map((key) => [key, null]),
    );
    for (const [key, value] of Object.entries(values)) {
      if (!known.has(key)) {
        errors.push(
          userError(
            "UNDEFINED_OBJECT_FIELD",
            ["values", key],
            `No field definition found for key ${key}`,
            { key },
          ),
        );
      } else {
        fields[key] = storedValue(value);
      }
    }
    return { fields, errors };
  }
  const fields = { ...current };
  const seen = new Set<string>();
  (input?.fields ?? []).forEach(({ key, value }, index) => {
    const path = ["metaobject", "fields", String(index)];
    if (seen.has(key))
      errors.push(
        userError("DUPLICATE_FIELD_INPUT", [...path, "key"], `Duplicate field key: ${key}`, {
          index,
          key,
        }),
      );
    else if (!known.has(key))
      errors.push(
        userError(
          "UNDEFINED_OBJECT_FIELD",
          [...path, "key"],
          `No field definition found for key ${key}`,
          { index, key },
        ),
      );
    else fields[key] = value === "" ? null : value;
    seen.add(key);
  });
  return { fields, errors };
}

function fieldValueErrors(
  definition: MetaobjectDefinition,
  fields: Record<string, string | null>,
  viaValues: boolean,
) {
  const errors: MetaobjectUserError[] = [];
  for (const field of definition.fieldDefinitions) {
    const value = fields[field.key];
    const path = viaValues ? ["values", field.key] : ["metaobject", "fields"];
    if (value == null) {
      if (field.required)
        errors.push(
          userError("OBJECT_FIELD_REQUIRED", path, `${field.name ?? field.key} can't be blank`, {
            key: field.key,
          }),
        );
    } else if (!isValidMetafieldValue(field.type, value)) {
      errors.push(
        userError("INVALID_VALUE", path, `Value is invalid for ${field.type}`, { key: field.key }),
      );
    }
  }
  return errors;
}

function metaobjectUpsert(_source: unknown, args: Record<string, unknown>, ctx: EmulatorContext) {
  const { shop } = ctx;
  requireAnyScope(shop, "Mutation", "metaobjectUpsert", ["write_metaobjects"]);
  const handleInput = args.handle as { type: string; handle: string };
  const input = (args.metaobject ?? null) as UpsertInput | null;
  const fail = (errors: MetaobjectUserError[]) => ({ metaobject: null, userErrors: errors });
  if (input !== null && args.values !== undefined && args.values !== null) {
    return fail([
      userError("INVALID", ["values"], "Cannot use `values` together with `metaobject`."),
    ]);
  }
  const definition = definitionByType(shop, handleInput.type);
  if (!definition) {
    return fail([
      userError(
        "UNDEFINED_OBJECT_TYPE",
        ["handle", "type"],
        `No metaobject definition exists for type "${handleInput.type}"`,
      ),
    ]);
  }
  if (!handleInput.handle)
    return fail([userError("BLANK", ["handle", "handle"], "Handle can't be blank")]);
  const existing = findByHandle(shop, definition.type, handleInput.handle);
  const newHandle = input?.handle ?? handleInput.handle;
  if (!HANDLE_PATTERN.test(newHandle)) {
    return fail([
      userError(
        "INVALID",
        input?.handle ? ["metaobject", "handle"] : ["handle", "handle"],
        "Handle is invalid",
      ),
    ]);
  }
  const clash = findByHandle(shop, definition.type, newHandle);
  if (clash && clash !== existing)
    return fail([userError("TAKEN", ["metaobject", "handle"], "Handle has already been taken")]);

  const current = existing?.fields ?? {};
  const viaValues = args.values !== undefined && args.values !== null;
  const { fields, errors } = requestedValues(definition, current, input, args.values);
  const userErrors = errors.length ? errors : fieldValueErrors(definition, fields, viaValues);
  if (userErrors.length) return fail(userErrors);

  const now = ctx.clock.nowIso();
  const metaobject: Metaobject = existing ?? {
    id: ctx.nextGid(shop, "Metaobject"),
    type: definition.type,
    handle: newHandle,
    fields: {},
    status: "ACTIVE",
    createdAt: now,
    updatedAt: now,
  };
  metaobject.handle = newHandle;
  metaobject.fields = fields;
  metaobject.status = input?.capabilities?.publishable?.status ?? metaobject.status;
  metaobject.updatedAt = now;
  shop.metaobjects.set(metaobject.id, metaobject);
  return { metaobject, userErrors: [] };
}

function requireMetaobjectRead(shop: ShopState, field: string): void {
  requireAnyScope(shop, "QueryRoot", field, ["read_metaobjects", "write_metaobjects"]);
}

function requireDefinitionRead(shop: ShopState, field: string): void {
  requireAnyScope(shop, "QueryRoot", field, [
    "read_metaobject_definitions",
    "write_metaobject_definitions",
  ]);
}

function definitionOf(shop: ShopState, metaobject: Metaobject): MetaobjectDefinition {
  const definition = definitionByType(shop, metaobject.type);
  if (!definition) throw new Error(`emulator data error: no definition for ${metaobject.type}`);
  return definition;
}

function displayName(shop: ShopState, metaobject: Metaobject): string {
  const definition = definitionOf(shop, metaobject);
  const value = definition.displayNameKey ? metaobject.fields[definition.displayNameKey] : null;
  return value ?? `${definition.name} #${metaobject.id.slice(metaobject.id.lastIndexOf("/") + 1)}`;
}

function fieldObject(definition: MetaobjectDefinition, metaobject: Metaobject, key: string) {
  const fieldDefinition = definition.fieldDefinitions.find((field) => field.key === key);
  if (!fieldDefinition) return null;
  const value = metaobject.fields[key] ?? null;
  return {
    key,
    type: fieldDefinition.type,
    value,
    jsonValue: value === null ? null : metafieldJsonValue(fieldDefinition.type, value),
    definition: fieldDefinitionObject(fieldDefinition),
  };
}

function fieldDefinitionObject(field: MetaobjectDefinition["fieldDefinitions"][number]) {
  return {
    key: field.key,
    name: field.name ?? field.key,
    required: field.required,
    description: null,
    type: { name: field.type },
    validations: [],
  };
}

interface MetaobjectsArgs extends ConnectionArgs {
  type: string;
  query?: string | null;
  sortKey?: string | null;
  reverse?: boolean | null;
}

function metaobjects(_source: unknown, args: Record<string, unknown>, ctx: EmulatorContext) {
  const { shop } = ctx;
  requireMetaobjectRead(shop, "metaobjects");
  const { type, query, sortKey, reverse, ...page } = args as unknown as MetaobjectsArgs;
  const resolved = resolveMetaobjectType(shop, type);
  const now = ctx.clock.now().getTime();
  const matches = compileSearch<Metaobject>(query, "metaobjects", (metaobject, term) => {
    if (term.field === "handle") return matchText(metaobject.handle, term);
    if (term.field === "display_name") return matchText(displayName(shop, metaobject), term);
    if (term.field === "updated_at")
      return matchTime(metaobject.updatedAt, term, now, shop.ianaTimezone);
    if (term.field?.startsWith("fields."))
      return matchText(metaobject.fields[term.field.slice(7)] ?? null, term);
    return undefined;
  });
  let list = [...shop.metaobjects.values()].filter((m) => m.type === resolved && matches(m));
  const key = (sortKey ?? "id").toLowerCase();
  if (key === "updated_at") list.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  else if (key === "display_name")
    list.sort((a, b) => displayName(shop, a).localeCompare(displayName(shop, b)));
  if (reverse) list = list.reverse();
  return paginate(list, page, (metaobject) => metaobject.id);
}

export const metaobjectResolvers: Resolvers = {
  Mutation: { metaobjectDefinitionCreate, metaobjectUpsert },
  QueryRoot: {
    metaobjects,
    metaobject: (_source, args, ctx) => {
      requireMetaobjectRead(ctx.shop, "metaobject");
      return ctx.shop.metaobjects.get(args.id as string) ?? null;
    },
    metaobjectByHandle: (_source, args, ctx) => {
      requireMetaobjectRead(ctx.shop, "metaobjectByHandle");
      const { type, handle } = args.handle as { type: string; handle: string };
      return findByHandle(ctx.shop, resolveMetaobjectType(ctx.shop, type), handle) ?? null;
    },
    metaobjectDefinitionByType: (_source, args, ctx) => {
      requireDefinitionRead(ctx.shop, "metaobjectDefinitionByType");
      return definitionByType(ctx.shop, args.type as string) ?? null;
    },
    metaobjectDefinition: (_source, args, ctx) => {
      requireDefinitionRead(ctx.shop, "metaobjectDefinition");
      return ctx.shop.metaobjectDefinitions.get(args.id as string) ?? null;
    },
    metaobjectDefinitions: (_source, args, ctx) => {
      requireDefinitionRead(ctx.shop, "metaobjectDefinitions");
      const { reverse, ...page } = args as ConnectionArgs & { reverse?: boolean | null };
      const list = [...ctx.shop.metaobjectDefinitions.values()];
      return paginate(reverse ? list.reverse() : list, page, (definition) => definition.id);
    },
  },
  MetaobjectDefinition: {
    fieldDefinitions: (source) =>
      (source as MetaobjectDefinition).fieldDefinitions.map(fieldDefinitionObject),
    access: (source) => ({
      admin: "MERCHANT_READ_WRITE",
      storefront: (source as MetaobjectDefinition).storefrontAccess,
      customerAccount: "NONE",
    }),
    description: () => null,
    hasThumbnailField: () => false,
    updatedAt: (source) => (source as MetaobjectDefinition).createdAt,
    metaobjectsCount: (source, _args, ctx) =>
      [...ctx.shop.metaobjects.values()].filter(
        (m) => m.type === (source as MetaobjectDefinition).type,
      ).length,
    metaobjects: (source, args, ctx) => {
      const { reverse, ...page } = args as ConnectionArgs & { reverse?: boolean | null };
      const list = [...ctx.shop.metaobjects.values()].filter(
        (m) => m.type === (source as MetaobjectDefinition).type,
      );
      return paginate(reverse ? list.reverse() : list, page, (metaobject) => metaobject.id);
    },
  },
  Metaobject: {
    definition: (source, _args, ctx) => definitionOf(ctx.shop, source as Metaobject),
    displayName: (source, _args, ctx) => displayName(ctx.shop, source as Metaobject),
    fields: (source, _args, ctx) => {
      const metaobject = source as Metaobject;
      const definition = definitionOf(ctx.shop, metaobject);
      return definition.fieldDefinitions.map((field) =>
        fieldObject(definition, metaobject, field.key),
      );
    },
    field: (source, args, ctx) => {
      const metaobject = source as Metaobject;
      return fieldObject(definitionOf(ctx.shop, metaobject), metaobject, args.key as string);
    },
    values: (source) => (source as Metaobject).fields,
    capabilities: (source) => ({
      publishable: { status: (source as Metaobject).status },
      onlineStore: null,
    }),
  },
};
