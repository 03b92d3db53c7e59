import type { HeadersFunction, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useLocation, useRouteError } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import { Banner, Box, Frame, Navigation } from "@shopify/polaris";
import polarisEn from "@shopify/polaris/locales/en.json";
import polarisSv from "@shopify/polaris/locales/sv.json";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { BridgeProvider } from "../components/bridge";
import { I18nProvider, useI18n } from "../components/I18nProvider";
import { publicEnv } from "../env.server";
import { findShop } from "../features/shop/installation.server";
import { localeCookie, resolveLocale } from "../i18n/locale.server";
import { authenticateAdmin } from "../shopify/app.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: polarisStyles }];

const SECTIONS = [
  { path: "/app/collections", label: "nav.collections" },
  { path: "/app/homepage", label: "nav.homepage" },
  { path: "/app/insights", label: "nav.insights" },
] as const;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, mode } = await authenticateAdmin(request);
  const { locale, fromUrl } = resolveLocale(request);
  const record = await findShop(shop);
  const headers = fromUrl ? { "Set-Cookie": localeCookie(locale) } : undefined;
  return Response.json(
    { env: publicEnv(), locale, shop, shopName: record?.name ?? shop, mode },
    { headers },
  );
};

interface LayoutData {
  env: { apiKey: string; mode: "embedded" | "standalone" };
  locale: "en" | "sv";
  shop: string;
  shopName: string;
}

export default function AppLayout() {
  const { env, locale, shop, shopName } = useLoaderData<LayoutData>();
  const polarisI18n = locale === "sv" ? polarisSv : polarisEn;
  return (
    <AppProvider isEmbeddedApp={env.mode === "embedded"} apiKey={env.apiKey} i18n={polarisI18n}>
      <I18nProvider locale={locale}>
        {env.mode === "embedded" ? (
          <BridgeProvider mode="embedded">
            <EmbeddedNavigation />
            <Outlet />
          </BridgeProvider>
        ) : (
          <StandaloneFrame shop={shop} shopName={shopName}>
            <Outlet />
          </StandaloneFrame>
        )}
      </I18nProvider>
    </AppProvider>
  );
}

function EmbeddedNavigation() {
  const { t } = useI18n();
  return (
    <NavMenu>
      <Link to="/app" rel="home">
        {t("nav.home")}
      </Link>
      {SECTIONS.map((section) => (
        <Link key={section.path} to={section.path}>
          {t(section.label)}
        </Link>
      ))}
    </NavMenu>
  );
}

/** Standalone demo: Polaris Frame with the same navigation the admin shows in its sidebar. */
function StandaloneFrame({
  shop,
  shopName,
  children,
}: {
  shop: string;
  shopName: string;
  children: React.ReactNode;
}) {
  const { t, locale } = useI18n();
  const { pathname } = useLocation();
  const navigation = (
    <Navigation location={pathname}>
      <Navigation.Section
        title={shopName}
        items={[
          { url: "/app", label: t("nav.home"), exactMatch: true },
          ...SECTIONS.map((section) => ({ url: section.path, label: t(section.label) })),
        ]}
      />
      <Navigation.Section
        title={t("nav.language")}
        items={[
          { url: `${pathname}?locale=en`, label: "English", selected: locale === "en" },
          { url: `${pathname}?locale=sv`, label: "Svenska", selected: locale === "sv" },
        ]}
      />
    </Navigation>
  );
  return (
    <Frame navigation={navigation}>
      <BridgeProvider mode="standalone">
        <Box paddingBlockStart="400" paddingInline="400">
          <Banner tone="info">{t("mode.standalone.banner", { shop })}</Banner>
        </Box>
        {children}
      </BridgeProvider>
    </Frame>
  );
}

// Shopify needs Remix to catch some thrown responses so their headers reach the browser.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
