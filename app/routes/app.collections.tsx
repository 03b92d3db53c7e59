import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, Text } from "@shopify/polaris";
import { AppPage } from "../components/bridge";
import { useI18n } from "../components/I18nProvider";
import { collectionsOverview } from "../features/collections/overview.server";
import { requireShop } from "../shopify/admin.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { gateway } = await requireShop(request);
  return collectionsOverview(gateway);
};

export default function Collections() {
  const { count, exact } = useLoaderData<typeof loader>();
  const { t, n } = useI18n();
  return (
    <AppPage title={t("collections.title")}>
      <Card>
        <BlockStack gap="200">
          <Text as="p" variant="headingMd" id="collections-count">
            {t(exact ? "collections.count" : "collections.countAtLeast", { count: n(count) })}
          </Text>
          <Text as="p" tone="subdued">
            {t("collections.next")}
          </Text>
        </BlockStack>
      </Card>
    </AppPage>
  );
}
