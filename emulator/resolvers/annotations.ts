import type { EmulatorContext, Resolvers } from "../graphql/context";
import { paginate, type ConnectionArgs } from "../graphql/connection";
import { compileSearch, matchId, matchText, matchTime } from "../analytics/search-query";
import type { AnalyticsAnnotation, ShopState } from "../store/types";
import { accessDenied, hasScope, requireAnyScope } from "./content-access";

/** Field limits from the schema descriptions of AnalyticsAnnotationCreateInput. */
export const MAX_TITLE_LENGTH = 75;
export const MAX_DESCRIPTION_LENGTH = 150;
/**
 * Shopify caps annotations per app per shop but does not publish the number; the emulator uses
 * this one so LIMIT_REACHED can be exercised.
 */
export const MAX_ANNOTATIONS_PER_APP = 500;

interface AnnotationError {
  code: "INVALID" | "LIMIT_REACHED" | "NOT_FOUND";
  field: string[] | null;
  message: string;
}

interface AnnotationInput {
  title?: string | null;
  type?: string | null;
  description?: string | null;
  startedAt?: string | null;
  endedAt?: string | null;
}

/**
 * Checks the fields present in `input` (all of them on create). `current` supplies the values an
 * update leaves alone, so endedAt >= startedAt is checked on the result.
 */
function validate(input: AnnotationInput, current: AnalyticsAnnotation | null): AnnotationError[] {
  const errors: AnnotationError[] = [];
  const invalid = (field: string, message: string) =>
    errors.push({ code: "INVALID", field: ["input", field], message });
  if ("title" in input || !current) {
    const title = input.title ?? "";
    if (!title.trim()) invalid("title", "Title can't be blank");
    else if (title.length > MAX_TITLE_LENGTH) {
      invalid("title", `Title is too long (maximum is ${MAX_TITLE_LENGTH} characters)`);
    }
  }
  if (("type" in input || !current) && !(input.type ?? "").trim()) {
    invalid("type", "Type can't be blank");
  }
  if ((input.description ?? "").length > MAX_DESCRIPTION_LENGTH) {
    invalid(
      "description",
      `Description is too long (maximum is ${MAX_DESCRIPTION_LENGTH} characters)`,
    );
  }
  if ("startedAt" in input && input.startedAt == null)
    invalid("startedAt", "Started at can't be blank");
  const startedAt = input.startedAt ?? current?.startedAt;
  const endedAt = "endedAt" in input ? input.endedAt : current?.endedAt;
  if (startedAt && endedAt && Date.parse(endedAt) < Date.parse(startedAt)) {
    invalid("endedAt", "Ended at must be at or after started at");
  }
  return errors;
}

function ownAnnotation(shop: ShopState, id: string): AnalyticsAnnotation | undefined {
  const annotation = shop.annotations.get(id);
  // Only the creating app may change or delete an annotation; to others it does not exist.
  return annotation && annotation.appId === shop.app.id ? annotation : undefined;
}

function notFound(): AnnotationError {
  return { code: "NOT_FOUND", field: ["id"], message: "Analytics annotation does not exist" };
}

function analyticsAnnotationCreate(
  _source: unknown,
  args: Record<string, unknown>,
  ctx: EmulatorContext,
) {
  const { shop } = ctx;
  requireAnyScope(shop, "Mutation", "analyticsAnnotationCreate", ["write_analytics_annotations"]);
  const input = args.input as AnnotationInput;
  const errors = validate(input, null);
  if (errors.length) return { analyticsAnnotation: null, userErrors: errors };
  const owned = [...shop.annotations.values()].filter((a) => a.appId === shop.app.id).length;
  if (owned >= MAX_ANNOTATIONS_PER_APP) {
    return {
      analyticsAnnotation: null,
      userErrors: [
        {
          code: "LIMIT_REACHED",
          field: null,
          message: `This app has reached its limit of ${MAX_ANNOTATIONS_PER_APP} annotations for this shop`,
        },
      ],
    };
  }
  const now = ctx.clock.nowIso();
  const startedAt = new Date(input.startedAt!).toISOString();
  const annotation: AnalyticsAnnotation = {
    id: ctx.nextGid(shop, "AnalyticsAnnotation"),
    title: input.title!,
    description: input.description ?? null,
    type: input.type!,
    startedAt,
    // Omitted endedAt = a point in time; explicit null = open-ended.
    endedAt: !("endedAt" in input)
      ? startedAt
      : input.endedAt
        ? new Date(input.endedAt).toISOString()
        : null,
    appId: shop.app.id,
    createdAt: now,
    updatedAt: now,
  };
  shop.annotations.set(annotation.id, annotation);
  return { analyticsAnnotation: annotation, userErrors: [] };
}

function analyticsAnnotationUpdate(
  _source: unknown,
  args: Record<string, unknown>,
  ctx: EmulatorContext,
) {
  const { shop } = ctx;
  requireAnyScope(shop, "Mutation", "analyticsAnnotationUpdate", ["write_analytics_annotations"]);
  const annotation = ownAnnotation(shop, args.id as string);
  if (!annotation) return { analyticsAnnotation: null, userErrors: [notFound()] };
  const input = args.input as AnnotationInput;
  const errors = validate(input, annotation);
  if (errors.length) return { analyticsAnnotation: null, userErrors: errors };
  if (input.title != null) annotation.title = input.title;
  if (input.type != null) annotation.type = input.type;
  if ("description" in input) annotation.description = input.description ?? null;
  if (input.startedAt != null) annotation.startedAt = new Date(input.startedAt).toISOString();
  if ("endedAt" in input)
    annotation.endedAt = input.endedAt ? new Date(input.endedAt).toISOString() : null;
  annotation.updatedAt = ctx.clock.nowIso();
  return { analyticsAnnotation: annotation, userErrors: [] };
}

function analyticsAnnotationDelete(
  _source: unknown,
  args: Record<string, unknown>,
  ctx: EmulatorContext,
) {
  const { shop } = ctx;
  requireAnyScope(shop, "Mutation", "analyticsAnnotationDelete", ["write_analytics_annotations"]);
  const annotation = ownAnnotation(shop, args.id as string);
  if (!annotation) return { deletedId: null, userErrors: [notFound()] };
  shop.annotations.delete(annotation.id);
  return { deletedId: annotation.id, userErrors: [] };
}

const SORT_FIELDS = {
  ID: (a: AnalyticsAnnotation) => Number(a.id.slice(a.id.lastIndexOf("/") + 1)),
  CREATED_AT: (a: AnalyticsAnnotation) => Date.parse(a.createdAt),
  UPDATED_AT: (a: AnalyticsAnnotation) => Date.parse(a.updatedAt),
  STARTED_AT: (a: AnalyticsAnnotation) => Date.parse(a.startedAt),
  // Open-ended annotations sort last.
  ENDED_AT: (a: AnalyticsAnnotation) => (a.endedAt ? Date.parse(a.endedAt) : Infinity),
};

interface AnnotationsArgs extends ConnectionArgs {
  query?: string | null;
  sortKey?: keyof typeof SORT_FIELDS | null;
  reverse?: boolean | null;
}

/** `Shop.analyticsAnnotations`: every annotation on the shop, whichever app or Shopify made it. */
function shopAnalyticsAnnotations(
  _source: unknown,
  args: Record<string, unknown>,
  ctx: EmulatorContext,
) {
  const { shop } = ctx;
  const readScopes = ["read_analytics_annotations", "write_analytics_annotations"];
  if (!readScopes.some((scope) => hasScope(shop, scope))) {
    throw accessDenied("Shop", "analyticsAnnotations", readScopes);
  }
  const { query, sortKey, reverse, ...page } = args as AnnotationsArgs;
  const now = ctx.clock.now().getTime();
  const zone = shop.ianaTimezone;
  const matches = compileSearch<AnalyticsAnnotation>(query, "analyticsAnnotations", (a, term) => {
    switch (term.field) {
      case "created_at":
        return matchTime(a.createdAt, term, now, zone);
      case "updated_at":
        return matchTime(a.updatedAt, term, now, zone);
      case "started_at":
        return matchTime(a.startedAt, term, now, zone);
      case "ended_at":
        return matchTime(a.endedAt, term, now, zone);
      case "id":
        return matchId(a.id, term);
      case "source":
        return (a.appId ? "app" : "shopify") === term.value.toLowerCase();
      case "type":
        return matchText(a.type, term);
      case "title":
        return a.title.toLowerCase().includes(term.value.toLowerCase().replace(/\*$/, ""));
      case null:
        return matchText(`${a.title} ${a.description ?? ""}`, term);
      default:
        return undefined;
    }
  });
  const valueOf = SORT_FIELDS[sortKey ?? "ID"];
  let list = [...shop.annotations.values()].filter(matches).sort((a, b) => valueOf(a) - valueOf(b));
  if (reverse) list = list.reverse();
  return paginate(list, page, (a) => a.id);
}

export const annotationResolvers: Resolvers = {
  Mutation: { analyticsAnnotationCreate, analyticsAnnotationUpdate, analyticsAnnotationDelete },
  Shop: { analyticsAnnotations: shopAnalyticsAnnotations },
  AnalyticsAnnotation: {
    source: (source) => ((source as AnalyticsAnnotation).appId ? "APP" : "SHOPIFY"),
    createdByApp: (source, _args, ctx) => {
      const appId = (source as AnalyticsAnnotation).appId;
      if (!appId) return null;
      return appId === ctx.shop.app.id ? { id: appId, handle: ctx.shop.app.handle } : { id: appId };
    },
  },
};
