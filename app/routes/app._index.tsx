import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link as RemixLink, useFetcher, useLoaderData } from "@remix-run/react";
import {
  BlockStack,
  Button,
  Card,
  InlineGrid,
  InlineStack,
  Layout,
  Link,
  Text,
} from "@shopify/polaris";
import { useEffect } from "react";
import { AppPage, useBridge } from "../components/bridge";
import { useI18n } from "../components/I18nProvider";
import { TaskSummary, type TaskView } from "../components/TaskSummary";
import { findShop } from "../features/shop/installation.server";
import { requestProfileRefresh } from "../features/shop/refresh.server";
import { listTasks } from "../features/tasks/tasks.server";
import { requireShop } from "../shopify/admin.server";
import { toTaskView } from "../features/tasks/view";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireShop(request);
  const [record, tasks] = await Promise.all([findShop(shop), listTasks(shop, 5)]);
  return {
    shop,
    name: record?.name ?? shop,
    currencyCode: record?.currencyCode ?? null,
    ianaTimezone: record?.ianaTimezone ?? null,
    planName: record?.planName ?? null,
    tasks: tasks.map(toTaskView),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, actor } = await requireShop(request);
  const task = await requestProfileRefresh(shop, actor);
  return { taskId: task.id };
};

const SECTIONS = [
  { key: "collections", url: "/app/collections" },
  { key: "homepage", url: "/app/homepage" },
  { key: "insights", url: "/app/insights" },
] as const;

export default function Home() {
  const data = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const { toast } = useBridge();
  const refresh = useFetcher<typeof action>();
  const queued = refresh.data?.taskId;

  useEffect(() => {
    if (queued) toast(t("home.refreshQueued"));
  }, [queued, toast, t]);

  return (
    <AppPage title={t("home.title")}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Text as="h2" variant="headingLg">
              {t("home.welcome", { shop: data.name })}
            </Text>
            <Text as="p" tone="subdued">
              {t("app.tagline")}
            </Text>
            <Text as="h3" variant="headingMd">
              {t("home.sections")}
            </Text>
            <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
              {SECTIONS.map((section) => (
                <Card key={section.key}>
                  <BlockStack gap="200">
                    <Text as="h4" variant="headingSm">
                      {t(`home.${section.key}.title`)}
                    </Text>
                    <Text as="p">{t(`home.${section.key}.body`)}</Text>
                    <RemixLink to={section.url}>
                      {t("home.open", { section: t(`home.${section.key}.title`) })}
                    </RemixLink>
                  </BlockStack>
                </Card>
              ))}
            </InlineGrid>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h3" variant="headingMd">
                  {t("home.shopDetails")}
                </Text>
                <Detail label={t("home.currency")} value={data.currencyCode} />
                <Detail label={t("home.timezone")} value={data.ianaTimezone} />
                <Detail label={t("home.plan")} value={data.planName} />
                <refresh.Form method="post">
                  <Button submit loading={refresh.state !== "idle"}>
                    {t("home.refresh")}
                  </Button>
                </refresh.Form>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h3" variant="headingMd">
                  {t("home.recentTasks")}
                </Text>
                {data.tasks.length === 0 ? (
                  <Text as="p" tone="subdued">
                    {t("home.noTasks")}
                  </Text>
                ) : (
                  data.tasks.map((task: TaskView) => (
                    <Link key={task.id} url={`/app/tasks/${task.id}`} removeUnderline>
                      <TaskSummary task={task} />
                    </Link>
                  ))
                )}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </AppPage>
  );
}

function Detail({ label, value }: { label: string; value: string | null }) {
  const { t } = useI18n();
  return (
    <InlineStack align="space-between">
      <Text as="span" tone="subdued">
        {label}
      </Text>
      <Text as="span">{value ?? t("home.notSynced")}</Text>
    </InlineStack>
  );
}
