import { GraphQLError } from "graphql";
import type { EmulatorContext, Resolvers } from "../graphql/context";
import { paginate, type ConnectionArgs } from "../graphql/connection";
import type { ShopState, Theme, ThemeFile, ThemeRole } from "../store/types";
import {
  filenamePattern,
  themeFileBody,
  themeFileBytes,
  themeFileChecksum,
  themeFileContentType,
} from "../themes/theme-files";
import { themeJsonValidationError } from "../themes/theme-json";
import { requireAnyScope, requireThemeWriteAccess } from "./content-access";

/** Platform limits (SHOPIFY-PLATFORM.md §3.2). */
export const MAX_FILENAMES_PER_READ = 50;
export const MAX_FILES_PER_READ_PAGE = 2500;
export const MAX_FILES_PER_WRITE = 50;
/** Emulator time a theme-file write job stays `done: false`. */
export const THEME_WRITE_JOB_MS = 1000;

type FilesUserErrorCode =
  "DUPLICATE_FILE_INPUT" | "FILE_VALIDATION_ERROR" | "LESS_THAN_OR_EQUAL_TO" | "NOT_FOUND";

interface FilesUserError {
  code: FilesUserErrorCode;
  field: string[] | null;
  filename: string | null;
  message: string;
}

interface FileInput {
  filename: string;
  body: { type: "BASE64" | "TEXT" | "URL"; value: string };
}

function numericId(gid: string): number {
  return Number(gid.slice(gid.lastIndexOf("/") + 1));
}

function findTheme(shop: ShopState, id: string): Theme | undefined {
  return shop.themes.get(id);
}

/** Reads need `read_themes` (or `write_themes`, which implies it). */
function requireThemeRead(shop: ShopState, field: string): void {
  requireAnyScope(shop, "QueryRoot", field, ["read_themes", "write_themes"]);
}

function operationResult(file: ThemeFile) {
  return {
    filename: file.filename,
    checksumMd5: themeFileChecksum(file),
    size: themeFileBytes(file).length,
    createdAt: file.createdAt,
    updatedAt: file.updatedAt,
  };
}

/** A Job as the payload returns it; `done` flips once the emulator clock passes `doneAt`. */
export function jobPayload(ctx: EmulatorContext, jobId: string) {
  const job = ctx.shop.jobs.get(jobId);
  const doneAt = job?.doneAt ?? ctx.clock.nowIso();
  const done = Date.parse(doneAt) <= ctx.clock.now().getTime();
  return { __typename: "Job", id: jobId, doneAt, done, query: done ? {} : null };
}

/** The REST-shaped theme resource that `themes/*` webhooks carry. */
export function themeWebhookPayload(theme: Theme) {
  return {
    id: numericId(theme.id),
    name: theme.name,
    created_at: theme.createdAt,
    updated_at: theme.updatedAt,
    role: theme.role.toLowerCase(),
    theme_store_id: null,
    previewable: true,
    processing: false,
    admin_graphql_api_id: theme.id,
  };
}

/** Text-like files keep their decoded text even when uploaded as BASE64. */
const TEXT_EXTENSIONS = /\.(liquid|json|css|js|svg|txt|md)$/i;
const BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeBody(input: FileInput): { content: string; base64: boolean } | string {
  const { type, value } = input.body;
  if (type === "URL") {
    throw new GraphQLError(
      "not emulated: themeFilesUpsert with body type URL (the emulator cannot fetch URLs); send TEXT or BASE64",
      { extensions: { code: "NOT_EMULATED" } },
    );
  }
  if (type === "TEXT") return { content: value, base64: false };
  const compact = value.replace(/\s/g, "");
  if (compact.length % 4 !== 0 || !BASE64_PATTERN.test(compact)) {
    return `${input.filename}: body is not valid base64`;
  }
  if (TEXT_EXTENSIONS.test(input.filename)) {
    return { content: Buffer.from(compact, "base64").toString("utf8"), base64: false };
  }
  return { content: compact, base64: true };
}

function filesUserErrors(errors: FilesUserError[]) {
  return { job: null, upsertedThemeFiles: null, userErrors: errors };
}

function duplicateFilenameErrors(filenames: string[]): FilesUserError[] {
  const seen = new Set<string>();
  const errors: FilesUserError[] = [];
  for (const filename of filenames) {
    if (seen.has(filename)) {
      errors.push({
        code: "DUPLICATE_FILE_INPUT",
        field: ["files"],
        filename,
        message: `Duplicate filename in input: ${filename}`,
      });
    }
    seen.add(filename);
  }
  return errors;
}

function themeNotFound(field: string): FilesUserError {
  return { code: "NOT_FOUND", field: [field], filename: null, message: "Theme does not exist" };
}

function themeFilesUpsert(_source: unknown, args: Record<string, unknown>, ctx: EmulatorContext) {
  const { shop } = ctx;
  requireThemeWriteAccess(shop, "themeFilesUpsert");
  const { themeId, files } = args as { themeId: string; files: FileInput[] };
  if (files.length > MAX_FILES_PER_WRITE) {
    return filesUserErrors([
      {
        code: "LESS_THAN_OR_EQUAL_TO",
        field: ["files"],
        filename: null,
        message: `A maximum of ${MAX_FILES_PER_WRITE} files can be upserted at a time`,
      },
    ]);
  }
  const theme = findTheme(shop, themeId);
  if (!theme) return filesUserErrors([themeNotFound("themeId")]);
  const duplicates = duplicateFilenameErrors(files.map((file) => file.filename));
  if (duplicates.length) return filesUserErrors(duplicates);

  const decoded: { filename: string; content: string; base64: boolean }[] = [];
  const errors: FilesUserError[] = [];
  files.forEach((input, index) => {
    const body = decodeBody(input);
    const reason =
      typeof body === "string"
        ? body
        : body.base64
          ? null
          : themeJsonValidationError(input.filename, body.content);
    if (reason !== null || typeof body === "string") {
      errors.push({
        code: "FILE_VALIDATION_ERROR",
        field: ["files", String(index), "body"],
        filename: input.filename,
        message: reason ?? "invalid body",
      });
      return;
    }
    decoded.push({ filename: input.filename, ...body });
  });
  // All or nothing: a rejected file leaves the theme untouched.
  if (errors.length) return filesUserErrors(errors);

  const now = ctx.clock.nowIso();
  const written = decoded.map(({ filename, content, base64 }) => {
    const existing = theme.files.get(filename);
    const file: ThemeFile = {
      filename,
      content,
      base64,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    theme.files.set(filename, file);
    return file;
  });
  theme.updatedAt = now;
  // Files are written at once; the job only models the asynchronous completion clients poll.
  // Deliberately no `themes/update` webhook: it does not fire for file changes (§3.3).
  const jobId = ctx.createJob(shop, THEME_WRITE_JOB_MS);
  return {
    job: jobPayload(ctx, jobId),
    upsertedThemeFiles: written.map(operationResult),
    userErrors: [],
  };
}

function themeFilesDelete(_source: unknown, args: Record<string, unknown>, ctx: EmulatorContext) {
  const { shop } = ctx;
  requireThemeWriteAccess(shop, "themeFilesDelete");
  const { themeId, files } = args as { themeId: string; files: string[] };
  const theme = findTheme(shop, themeId);
  if (!theme) return { deletedThemeFiles: null, userErrors: [themeNotFound("themeId")] };
  const missing = files.filter((filename) => !theme.files.has(filename));
  if (missing.length) {
    return {
      deletedThemeFiles: null,
      userErrors: missing.map((filename) => ({
        code: "NOT_FOUND",
        field: ["files"],
        filename,
        message: `File not found: ${filename}`,
      })),
    };
  }
  const deleted = files.map((filename) => {
    const result = operationResult(theme.files.get(filename)!);
    theme.files.delete(filename);
    return result;
  });
  theme.updatedAt = ctx.clock.nowIso();
  return { deletedThemeFiles: deleted, userErrors: [] };
}

function themeFilesCopy(_source: unknown, args: Record<string, unknown>, ctx: EmulatorContext) {
  const { shop } = ctx;
  requireThemeWriteAccess(shop, "themeFilesCopy");
  const { themeId, files } = args as {
    themeId: string;
    files: { srcFilename: string; dstFilename: string }[];
  };
  const theme = findTheme(shop, themeId);
  if (!theme) return { copiedThemeFiles: null, userErrors: [themeNotFound("themeId")] };
  const missing = files.filter((file) => !theme.files.has(file.srcFilename));
  if (missing.length) {
    return {
      copiedThemeFiles: null,
      userErrors: missing.map((file) => ({
        code: "NOT_FOUND",
        field: ["files"],
        filename: file.srcFilename,
        message: `File not found: ${file.srcFilename}`,
      })),
    };
  }
  const now = ctx.clock.nowIso();
  const copied = files.map(({ srcFilename, dstFilename }) => {
    const source = theme.files.get(srcFilename)!;
    const existing = theme.files.get(dstFilename);
    const file: ThemeFile = {
      ...source,
      filename: dstFilename,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    theme.files.set(dstFilename, file);
    return operationResult(file);
  });
  theme.updatedAt = now;
  return { copiedThemeFiles: copied, userErrors: [] };
}

function themePublish(_source: unknown, args: Record<string, unknown>, ctx: EmulatorContext) {
  const { shop } = ctx;
  requireThemeWriteAccess(shop, "themePublish");
  const theme = findTheme(shop, args.id as string);
  if (!theme) {
    return {
      theme: null,
      userErrors: [{ code: "NOT_FOUND", field: ["id"], message: "Theme does not exist" }],
    };
  }
  const now = ctx.clock.nowIso();
  if (theme.role !== "MAIN") {
    for (const other of shop.themes.values()) {
      if (other.role === "MAIN") {
        other.role = "UNPUBLISHED";
        other.updatedAt = now;
      }
    }
    theme.role = "MAIN";
    theme.updatedAt = now;
  }
  ctx.webhooks.emit(shop, "themes/publish", themeWebhookPayload(theme));
  return { theme, userErrors: [] };
}

function themeDuplicate(_source: unknown, args: Record<string, unknown>, ctx: EmulatorContext) {
  const { shop } = ctx;
  requireThemeWriteAccess(shop, "themeDuplicate");
  const original = findTheme(shop, args.id as string);
  if (!original) {
    return {
      newTheme: null,
      userErrors: [{ code: "NOT_FOUND", field: ["id"], message: "Theme does not exist" }],
    };
  }
  const now = ctx.clock.nowIso();
  const name = typeof args.name === "string" && args.name ? args.name : `Copy of ${original.name}`;
  const copy: Theme = {
    id: ctx.nextGid(shop, "OnlineStoreTheme"),
    name,
    role: "UNPUBLISHED",
    createdAt: now,
    updatedAt: now,
    files: new Map(
      [...original.files].map(([filename, file]) => [
        filename,
        { ...file, createdAt: now, updatedAt: now },
      ]),
    ),
  };
  shop.themes.set(copy.id, copy);
  ctx.webhooks.emit(shop, "themes/create", themeWebhookPayload(copy));
  return { newTheme: copy, userErrors: [] };
}

interface ThemesArgs extends ConnectionArgs {
  roles?: ThemeRole[] | null;
  names?: string[] | null;
  reverse?: boolean | null;
}

function themes(_source: unknown, args: Record<string, unknown>, ctx: EmulatorContext) {
  requireThemeRead(ctx.shop, "themes");
  const { roles, names, reverse, ...page } = args as ThemesArgs;
  const patterns = names?.map((name) => filenamePattern(name.toLowerCase()));
  let list = [...ctx.shop.themes.values()].filter(
    (theme) =>
      (!roles?.length || roles.includes(theme.role)) &&
      (!patterns?.length || patterns.some((pattern) => pattern.test(theme.name.toLowerCase()))),
  );
  if (reverse) list = list.reverse();
  return paginate(list, page, (theme) => theme.id);
}

function theme(_source: unknown, args: Record<string, unknown>, ctx: EmulatorContext) {
  requireThemeRead(ctx.shop, "theme");
  return findTheme(ctx.shop, args.id as string) ?? null;
}

interface FilesArgs {
  filenames?: string[] | null;
  first?: number | null;
  after?: string | null;
}

/** `OnlineStoreTheme.files`: missing requested names are reported in the connection's userErrors. */
function themeFiles(source: unknown, args: Record<string, unknown>) {
  const theme = source as Theme;
  const { filenames, first, after } = args as FilesArgs;
  if (filenames && filenames.length > MAX_FILENAMES_PER_READ) {
    throw new GraphQLError(`filenames cannot exceed ${MAX_FILENAMES_PER_READ} entries`, {
      extensions: { code: "BAD_REQUEST" },
    });
  }
  if (first != null && first > MAX_FILES_PER_READ_PAGE) {
    throw new GraphQLError(`first cannot exceed ${MAX_FILES_PER_READ_PAGE}`, {
      extensions: { code: "BAD_REQUEST" },
    });
  }
  const all = [...theme.files.values()].sort((a, b) => a.filename.localeCompare(b.filename));
  let selected = all;
  const userErrors: { code: "NOT_FOUND"; filename: string }[] = [];
  if (filenames?.length) {
    const patterns = filenames.map((name) => ({ name, pattern: filenamePattern(name) }));
    selected = all.filter((file) => patterns.some(({ pattern }) => pattern.test(file.filename)));
    for (const { name } of patterns) {
      if (!name.includes("*") && !theme.files.has(name)) {
        userErrors.push({ code: "NOT_FOUND", filename: name });
      }
    }
  }
  return {
    ...paginate(selected, { first: first ?? 50, after }, (file) => file.filename),
    userErrors,
  };
}

export const themeResolvers: Resolvers = {
  QueryRoot: { themes, theme },
  Mutation: { themeFilesUpsert, themeFilesDelete, themeFilesCopy, themePublish, themeDuplicate },
  OnlineStoreTheme: {
    files: themeFiles,
    prefix: (source) => `/t/${numericId((source as Theme).id)}`,
    processing: () => false,
    processingFailed: () => false,
    themeStoreId: () => null,
  },
  OnlineStoreThemeFile: {
    body: (source) => themeFileBody(source as ThemeFile),
    checksumMd5: (source) => themeFileChecksum(source as ThemeFile),
    contentType: (source) => themeFileContentType((source as ThemeFile).filename),
    size: (source) => themeFileBytes(source as ThemeFile).length,
  },
};
