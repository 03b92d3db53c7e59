import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link as RemixLink, useLoaderData, useSearchParams } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  ButtonGroup,
  Card,
  EmptyState,
  InlineStack,
  Link,
  Text,
} from "@shopify/polaris";
import { AppPage } from "../components/bridge";
import { useI18n } from "../components/I18nProvider";
import { CampaignCalendar } from "../features/homepage/components/CampaignCalendar";
import { homepageOverview } from "../features/homepage/overview.server";
import { requireShop } from "../shopify/admin.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, gateway } = await requireShop(request);
  return homepageOverview(shop, gateway);
};

export default function HomePageCampaigns() {
  const data = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const view = (params.get("view") ?? "list") as "month" | "week" | "list";
  const anchor = params.get("at") ?? data.nowLocal.slice(0, 10);
  return (
    <AppPage title={t("homepage.title")}>
      <BlockStack gap="400">
        <Card>
          <BlockStack gap="200">
            <Text as="p" variant="headingMd" id="live-theme">
              {data.liveTheme
                ? t("homepage.liveTheme", { theme: data.liveTheme.name })
                : t("homepage.noLiveTheme")}
            </Text>
            <Text as="p" tone="subdued">
              {t("homepage.zone", { zone: data.zone, now: data.nowLocal.replace("T", " ") })}
            </Text>
            <div id="block-placement">
              {data.placement.placed ? (
                <Badge tone="success">{t("homepage.blocksPlaced")}</Badge>
              ) : (
                <Banner tone="warning" title={t("homepage.blocksMissing")}>
                  <BlockStack gap="100">
                    <Text as="p">{t("homepage.blocksHowTo")}</Text>
                    <Link url={data.addBlockUrl} target="_blank">
                      {t("homepage.blocksOpenEditor")}
                    </Link>
                  </BlockStack>
                </Banner>
              )}
            </div>
            <InlineStack gap="200">
              <Link url={data.storefrontUrl} target="_blank">
                {t("homepage.openStorefront")}
              </Link>
            </InlineStack>
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="300">
            <InlineStack align="space-between" blockAlign="center">
              <ButtonGroup variant="segmented">
                {(["month", "week", "list"] as const).map((v) => (
                  <Button
                    key={v}
                    pressed={view === v}
                    onClick={() => setParams({ view: v, at: anchor })}
                  >
                    {t(`homepage.view.${v}`)}
                  </Button>
                ))}
              </ButtonGroup>
              <RemixLink to="/app/homepage/new" id="new-campaign">
                <Button variant="primary">{t("homepage.newCampaign")}</Button>
              </RemixLink>
            </InlineStack>
            {data.campaigns.length === 0 ? (
              <EmptyState heading={t("homepage.empty")} image="">
                <Text as="p">{t("homepage.emptyHint")}</Text>
              </EmptyState>
            ) : (
              <CampaignCalendar
                view={view}
                anchor={anchor}
                campaigns={data.campaigns}
                onAnchor={(at) => setParams({ view, at })}
              />
            )}
          </BlockStack>
        </Card>
      </BlockStack>
    </AppPage>
  );
}
