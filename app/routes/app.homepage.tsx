import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, Text } from "@shopify/polaris";
import { AppPage } from "../components/bridge";
import { useI18n } from "../components/I18nProvider";
import { homepageOverview } from "../features/homepage/overview.server";
import { requireShop } from "../shopify/admin.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { gateway } = await requireShop(request);
  return homepageOverview(gateway);
};

export default function HomePageSection() {
  const { liveTheme } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <AppPage title={t("homepage.title")}>
      <Card>
        <BlockStack gap="200">
          <Text as="p" variant="headingMd" id="live-theme">
            {liveTheme
              ? t("homepage.liveTheme", { theme: liveTheme.name })
              : t("homepage.noLiveTheme")}
          </Text>
          <Text as="p" tone="subdued">
            {t("homepage.next")}
          </Text>
        </BlockStack>
      </Card>
    </AppPage>
  );
}
