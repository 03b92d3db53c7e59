import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, Text } from "@shopify/polaris";
import { AppPage } from "../components/bridge";
import { useI18n } from "../components/I18nProvider";
import { insightsOverview } from "../features/insights/overview.server";
import { requireShop } from "../shopify/admin.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { gateway } = await requireShop(request);
  return insightsOverview(gateway);
};

export default function Insights() {
  const { orders30 } = useLoaderData<typeof loader>();
  const { t, n } = useI18n();
  return (
    <AppPage title={t("insights.title")}>
      <Card>
        <BlockStack gap="200">
          <Text as="p" variant="headingMd" id="orders-30">
            {t("insights.orders30", { count: n(orders30) })}
          </Text>
          <Text as="p" tone="subdued">
            {t("insights.next")}
          </Text>
        </BlockStack>
      </Card>
    </AppPage>
  );
}
