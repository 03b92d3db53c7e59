import { db } from "../../db.server";
import { enqueue } from "../../jobs/queue.server";
import { deleteManualAction, recordAction } from "./actions.server";
import { annotationSyncJob, estimateEffectsJob } from "./jobs.server";
import { ShopDayClock } from "./kpi-day";
import { fieldErrors, manualActionFields, manualFormSchema } from "./manual-input";

/**
 * The merchant's own notes on the timeline (manual actions): add, edit, delete. Each change is
 * mirrored on Shopify's analytics timeline by the annotation sync job.
 */

export type ManualResult = { ok: true; id: string } | { ok: false; errors: Record<string, string> };

async function clockOf(shop: string) {
  const record = await db().shop.findUnique({ where: { domain: shop } });
  return new ShopDayClock(record?.ianaTimezone ?? "UTC");
}

/** Mirrors the change on Shopify's timeline and re-estimates effects (the new action is one). */
async function requestAnnotationSync(shop: string) {
  await enqueue(annotationSyncJob, { shop }, { singletonKey: `annotations:${shop}` });
  await enqueue(estimateEffectsJob, { shop }, { singletonKey: `effects:${shop}` });
}

export async function createManualAction(
  shop: string,
  actor: string,
  form: unknown,
): Promise<ManualResult> {
  const parsed = manualFormSchema.safeParse(form);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const fields = manualActionFields(parsed.data, await clockOf(shop));
  const action = await recordAction(shop, { source: "MANUAL", kind: "manual", actor, ...fields });
  await requestAnnotationSync(shop);
  return { ok: true, id: action.id };
}

export async function updateManualAction(
  shop: string,
  id: string,
  form: unknown,
): Promise<ManualResult> {
  const existing = await db().action.findFirst({ where: { id, shop, source: "MANUAL" } });
  if (!existing) return { ok: false, errors: { form: "not-found" } };
  const clock = await clockOf(shop);
  // A partial edit keeps the other fields as they are.
  const current = {
    title: existing.title,
    note: existing.note ?? "",
    category: existing.category ?? "other",
    startDate: clock.dayKeyOf(existing.startedAt.getTime()),
    endDate: existing.endedAt ? clock.dayKeyOf(existing.endedAt.getTime() - 1) : "",
    expectedKpi: existing.expectedKpi ?? "",
    expectedDirection: existing.expectedDirection ?? "",
    expectedPercent: existing.expectedSize != null ? String(existing.expectedSize * 100) : "",
  };
  const parsed = manualFormSchema.safeParse({ ...current, ...(form as object) });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const fields = manualActionFields(parsed.data, clock);
  await db().action.updateMany({
    where: { id, shop, source: "MANUAL" },
    data: {
      title: fields.title,
      note: fields.note,
      category: fields.category,
      startedAt: fields.startedAt,
      endedAt: fields.endedAt,
      expectedKpi: fields.expected?.kpi ?? null,
      expectedDirection: fields.expected?.direction ?? null,
      expectedSize: fields.expected?.size ?? null,
      annotationDirty: true,
      annotationError: null,
    },
  });
  await requestAnnotationSync(shop);
  return { ok: true, id };
}

/** Deletes the note; its Shopify annotation is recorded for deletion first, so it is never lost. */
export async function deleteManualActionAndAnnotation(shop: string, id: string): Promise<boolean> {
  const action = await db().action.findFirst({ where: { id, shop, source: "MANUAL" } });
  if (!action) return false;
  if (action.annotationId) {
    await db().annotationDeletion.upsert({
      where: { shop_annotationId: { shop, annotationId: action.annotationId } },
      create: { shop, annotationId: action.annotationId },
      update: {},
    });
  }
  const deleted = await deleteManualAction(shop, id);
  if (action.annotationId) await requestAnnotationSync(shop);
  return deleted;
}
