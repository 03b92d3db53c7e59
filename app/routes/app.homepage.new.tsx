import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AppPage } from "../components/bridge";
import { useI18n } from "../components/I18nProvider";
import { saveCampaign, shopZone } from "../features/homepage/campaigns.server";
import { dstParam } from "../features/homepage/dst-notice";
import {
  CampaignForm,
  EMPTY_CAMPAIGN,
  type FormErrors,
} from "../features/homepage/components/CampaignForm";
import { homepageThemes } from "../features/homepage/themes.server";
import { requireShop } from "../shopify/admin.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, gateway } = await requireShop(request);
  return { zone: await shopZone(shop), themes: await homepageThemes(gateway) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, gateway, actor } = await requireShop(request);
  const form = Object.fromEntries(await request.formData());
  const result = await saveCampaign(shop, gateway, actor, form);
  if (!result.ok)
    return Response.json({ errors: result.errors, overlaps: result.overlaps }, { status: 422 });
  // The campaign page says how a time on a daylight-saving night was read.
  const query = new URLSearchParams({ saved: "1" });
  for (const note of result.dst) query.append("dst", dstParam(note));
  return redirect(`/app/homepage/${result.campaign.id}?${query}`);
};

export default function NewCampaign() {
  const { zone, themes } = useLoaderData<typeof loader>();
  const result = useActionData<FormErrors>();
  const { t } = useI18n();
  return (
    <AppPage title={t("homepage.newCampaign")} backUrl="/app/homepage">
      <CampaignForm initial={EMPTY_CAMPAIGN} zone={zone} themes={themes} result={result} />
    </AppPage>
  );
}
