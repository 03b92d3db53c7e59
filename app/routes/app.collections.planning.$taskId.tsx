import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect, useLoaderData, useRevalidator } from "@remix-run/react";
import { Banner, BlockStack, Card, ProgressBar, Text } from "@shopify/polaris";
import { useEffect } from "react";
import { z } from "zod";
import { AppPage } from "../components/bridge";
import { useI18n } from "../components/I18nProvider";
import { PLAN_TASK_KIND } from "../features/collections/plan-job.server";
import { getTask } from "../features/tasks/tasks.server";
import { isMessageKey, type MessageKey } from "../i18n";
import { requireShop } from "../shopify/admin.server";

/**
 * A large membership change being planned by the worker: its progress, read from the stored
 * task every second, then the plan itself once it is stored.
 */
const params = z.object({ taskId: z.string().uuid() });
const result = z.union([
  z.object({ changeId: z.string().uuid() }),
  z.object({ reason: z.literal("collectionNotFound"), collectionId: z.string() }),
  z.object({
    reason: z.literal("orderRefused"),
    refusal: z.object({
      code: z.string(),
      vars: z.record(z.union([z.string(), z.number()])),
    }),
  }),
  z.object({ reason: z.literal("failed") }),
]);

export const loader = async ({ request, params: raw }: LoaderFunctionArgs) => {
  const { shop } = await requireShop(request);
  const parsed = params.safeParse(raw);
  const task = parsed.success ? await getTask(shop, parsed.data.taskId) : null;
  if (!task || task.kind !== PLAN_TASK_KIND) throw new Response("Not found", { status: 404 });
  const outcome = result.safeParse(task.result);
  if (task.status === "SUCCEEDED" && outcome.success && "changeId" in outcome.data) {
    return redirect(`/app/collections/changes/${outcome.data.changeId}`);
  }
  return {
    status: task.status,
    stage: task.message?.startsWith("plan:") ? task.message.slice("plan:".length) : null,
    done: task.done,
    total: task.total,
    missingCollection:
      outcome.success && "collectionId" in outcome.data ? outcome.data.collectionId : null,
    // A reorder planned here (ADR 023) may be refused once the whole order is read.
    orderRefusal: outcome.success && "refusal" in outcome.data ? outcome.data.refusal : null,
  };
};

export default function PlanningPage() {
  const planning = useLoaderData<typeof loader>();
  const { t, n } = useI18n();
  const { revalidate, state } = useRevalidator();
  const active = planning.status === "QUEUED" || planning.status === "RUNNING";

  // The task is stored: a reload, or coming back later, shows the same progress.
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => state === "idle" && revalidate(), 1000);
    return () => clearInterval(timer);
  }, [active, revalidate, state]);

  const stageKey = `collections.planning.stage.${planning.stage ?? "count"}`;
  const total = planning.total ?? 0;
  return (
    <AppPage title={t("collections.planning.title")} backUrl="/app/collections">
      <BlockStack gap="400">
        {planning.status === "FAILED" ? (
          <Banner tone="critical">
            {planning.orderRefusal &&
            isMessageKey(`collections.order.refused.${planning.orderRefusal.code}`)
              ? t(
                  `collections.order.refused.${planning.orderRefusal.code}` as MessageKey,
                  planning.orderRefusal.vars,
                )
              : planning.missingCollection
                ? t("collections.planning.collectionNotFound", {
                    collection: planning.missingCollection,
                  })
                : t("collections.planning.failed")}
          </Banner>
        ) : planning.status === "CANCELLED" ? (
          <Banner tone="warning">{t("collections.planning.cancelled")}</Banner>
        ) : null}
        {active ? (
          <Card>
            <BlockStack gap="300">
              <span id="planning-stage" data-stage={planning.stage ?? "queued"}>
                <Text as="p">
                  {isMessageKey(stageKey)
                    ? t(stageKey, { done: n(planning.done), total: n(total) })
                    : t("collections.planning.stage.count")}
                </Text>
              </span>
              {total > 0 ? (
                <ProgressBar
                  progress={Math.min(100, Math.round((planning.done / total) * 100))}
                  size="small"
                />
              ) : null}
              <Text as="p" tone="subdued" variant="bodySm">
                {t("collections.planning.help")}
              </Text>
            </BlockStack>
          </Card>
        ) : null}
      </BlockStack>
    </AppPage>
  );
}
