import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useRevalidator } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Text } from "@shopify/polaris";
import { useEffect } from "react";
import { z } from "zod";
import { AppPage } from "../components/bridge";
import { useI18n } from "../components/I18nProvider";
import { TaskSummary, taskKindLabel } from "../components/TaskSummary";
import { cancelTask, getTask } from "../features/tasks/tasks.server";
import { toTaskView } from "../features/tasks/view";
import { requireShop } from "../shopify/admin.server";

const params = z.object({ id: z.string().uuid() });
const intent = z.object({ intent: z.literal("cancel") });

export const loader = async ({ request, params: raw }: LoaderFunctionArgs) => {
  const { shop } = await requireShop(request);
  const parsed = params.safeParse(raw);
  const task = parsed.success ? await getTask(shop, parsed.data.id) : null;
  if (!task) throw new Response("Not found", { status: 404 });
  return { task: toTaskView(task) };
};

export const action = async ({ request, params: raw }: ActionFunctionArgs) => {
  const { shop } = await requireShop(request);
  const parsed = params.safeParse(raw);
  const form = intent.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return Response.json({ error: "unknown intent" }, { status: 400 });
  const result = parsed.success ? await cancelTask(shop, parsed.data.id) : "not_found";
  if (result === "not_found") return Response.json({ result }, { status: 404 });
  return Response.json({ result }, { status: result === "cancelled" ? 200 : 409 });
};

export default function TaskPage() {
  const { task } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const cancel = useFetcher<{ result: string }>();
  const { revalidate, state } = useRevalidator();
  const active = task.status === "QUEUED" || task.status === "RUNNING";

  // Live progress: re-read the task every second while it runs (it survives reloads: it is stored).
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => state === "idle" && revalidate(), 1000);
    return () => clearInterval(timer);
  }, [active, revalidate, state]);

  return (
    <AppPage title={taskKindLabel(t, task.kind)} backUrl="/app">
      <Card>
        <BlockStack gap="300">
          <TaskSummary task={task} />
          {task.message ? <Text as="p">{task.message}</Text> : null}
          <Text as="p" tone="subdued" variant="bodySm">
            {t("tasks.createdAt", { time: new Date(task.createdAt).toLocaleString() })}
          </Text>
          {cancel.data?.result === "finished" ? (
            <Banner tone="warning">{t("tasks.notCancellable")}</Banner>
          ) : null}
          {active ? (
            <cancel.Form method="post">
              <input type="hidden" name="intent" value="cancel" />
              <Button submit tone="critical" loading={cancel.state !== "idle"}>
                {t("tasks.cancel")}
              </Button>
            </cancel.Form>
          ) : null}
        </BlockStack>
      </Card>
    </AppPage>
  );
}
