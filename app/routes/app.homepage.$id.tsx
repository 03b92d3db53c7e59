import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  InlineStack,
  Layout,
  Link,
  List,
  Text,
} from "@shopify/polaris";
import { z } from "zod";
import { AppPage } from "../components/bridge";
import { useI18n } from "../components/I18nProvider";
import type { MessageKey } from "../i18n";
import { fieldError } from "../features/homepage/campaign-input";
import { storedAlertText } from "../features/homepage/campaign-alert";
import { campaignIntentSchema } from "../features/homepage/campaign-intent";
import { campaignPage } from "../features/homepage/campaign-page.server";
import {
  cancelCampaign,
  endCampaignNow,
  pauseCampaign,
  resumeCampaign,
  saveCampaign,
} from "../features/homepage/campaigns.server";
import {
  CampaignForm,
  useWarningText,
  type FormErrors,
} from "../features/homepage/components/CampaignForm";
import { CampaignPreview } from "../features/homepage/components/CampaignPreview";
import { PreviewLinkCard } from "../features/homepage/components/PreviewLinkCard";
import { CampaignStatusBadge } from "../features/homepage/components/CampaignStatusBadge";
import { DstNoticeText } from "../features/homepage/components/DstNoticeText";
import { savedDstNotes, type DstNote } from "../features/homepage/dst-notice";
import { createPreviewLink, revokePreviewLink } from "../features/homepage/preview-links.server";
import { resolveDrift } from "../features/homepage/template-mode.server";
import { switchEffectLinks } from "../features/insights/effect-links.server";
import { requireShop } from "../shopify/admin.server";

const params = z.object({ id: z.string().uuid() });

export const loader = async ({ request, params: raw }: LoaderFunctionArgs) => {
  const { shop, gateway } = await requireShop(request);
  const parsed = params.safeParse(raw);
  const page = parsed.success ? await campaignPage(shop, gateway, parsed.data.id) : null;
  if (!page) throw new Response("Campaign not found", { status: 404 });
  // Each applied switch is an action on the insights timeline: link to its effects.
  return {
    ...page,
    effectLinks: await switchEffectLinks(shop, page.campaign.id),
    // Just created: how a time on a daylight-saving night was read (see the create page).
    dstNotes: savedDstNotes(
      new URL(request.url).searchParams.getAll("dst"),
      page.campaign,
      page.zone,
    ),
  };
};

export const action = async ({ request, params: raw }: ActionFunctionArgs) => {
  const { shop, gateway, actor } = await requireShop(request);
  const parsed = params.safeParse(raw);
  if (!parsed.success) throw new Response("Campaign not found", { status: 404 });
  const { id } = parsed.data;
  const form = Object.fromEntries(await request.formData());
  const intent = campaignIntentSchema.safeParse(form.intent);
  if (!intent.success)
    return Response.json(
      { errors: { form: fieldError("homepage.error.unknownAction") } },
      { status: 400 },
    );
  if (intent.data === "save") {
    const result = await saveCampaign(shop, gateway, actor, form, id);
    if (!result.ok)
      return Response.json({ errors: result.errors, overlaps: result.overlaps }, { status: 422 });
    return Response.json({ saved: true, dst: result.dst });
  }
  if (intent.data === "preview-link" || intent.data === "revoke-preview-link") {
    const made =
      intent.data === "preview-link"
        ? await createPreviewLink(shop, id)
        : await revokePreviewLink(shop, id);
    if (!made)
      return Response.json(
        { errors: { form: fieldError("homepage.error.previewNotPossible") } },
        { status: 409 },
      );
    return Response.json({ done: intent.data });
  }
  const done =
    intent.data === "pause"
      ? await pauseCampaign(shop, gateway, id)
      : intent.data === "resume"
        ? await resumeCampaign(shop, gateway, id)
        : intent.data === "cancel"
          ? await cancelCampaign(shop, gateway, id)
          : intent.data === "end-now"
            ? await endCampaignNow(shop, gateway, id)
            : await resolveDrift(shop, gateway, id, intent.data);
  if (!done)
    return Response.json(
      { errors: { form: fieldError("homepage.error.notPossibleNow") } },
      { status: 409 },
    );
  return Response.json({ done: intent.data });
};

function IntentButton({
  intent,
  label,
  tone,
}: {
  intent: string;
  label: string;
  tone?: "critical";
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <Button submit tone={tone} id={`campaign-${intent}`}>
        {label}
      </Button>
    </Form>
  );
}

export default function CampaignPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<FormErrors & { saved?: boolean; dst?: DstNote[] }>();
  const { t } = useI18n();
  const warningText = useWarningText();
  const c = data.campaign;
  const editable = ["SCHEDULED", "PAUSED", "LIVE"].includes(c.status);
  return (
    <AppPage title={c.name} backUrl="/app/homepage">
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {c.alert ? (
              <Banner tone="critical" title={t("homepage.alertTitle")}>
                <BlockStack gap="200">
                  <Text as="p" id="campaign-alert">
                    {storedAlertText(c.alert, t)}
                  </Text>
                  {c.mode === "TEMPLATE" && c.status === "ENDED" ? (
                    <InlineStack gap="200">
                      <IntentButton intent="keep-current" label={t("homepage.keepCurrent")} />
                      <IntentButton
                        intent="restore-previous"
                        label={t("homepage.restorePrevious")}
                      />
                    </InlineStack>
                  ) : null}
                </BlockStack>
              </Banner>
            ) : null}
            {(result?.dst ?? data.dstNotes).map((note) => (
              <Banner key={note.field} tone="info">
                <span data-dst={note.field}>
                  <DstNoticeText note={note} zone={data.zone} />
                </span>
              </Banner>
            ))}
            {c.warnings.length ? (
              <Banner tone="warning" title={t("homepage.preflightTitle")}>
                <List>
                  {c.warnings.map((w) => (
                    <List.Item key={w.code}>
                      <span data-warning={w.code}>{warningText(w)}</span>
                    </List.Item>
                  ))}
                </List>
              </Banner>
            ) : null}
            {editable ? (
              <CampaignForm
                key={`${c.startsLocal}|${c.endsLocal}|${c.heading}|${c.buttonLink}|${c.collectionId}`}
                initial={c}
                collection={
                  // A collection deleted since: keep its id so saving says so instead of dropping it.
                  data.collection ??
                  (c.collectionId
                    ? { id: c.collectionId, title: c.collectionId, imageUrl: null }
                    : null)
                }
                zone={data.zone}
                themes={data.themes}
                result={result}
              />
            ) : null}
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="200">
                <InlineStack gap="200" blockAlign="center">
                  <Text as="h2" variant="headingSm">
                    {t("homepage.field.status")}
                  </Text>
                  <span id="campaign-status" data-status={c.status}>
                    <CampaignStatusBadge status={c.status} />
                  </span>
                </InlineStack>
                <InlineStack gap="200">
                  {c.status === "SCHEDULED" || c.status === "LIVE" ? (
                    <IntentButton intent="pause" label={t("homepage.pause")} />
                  ) : null}
                  {c.status === "PAUSED" ? (
                    <IntentButton intent="resume" label={t("homepage.resume")} />
                  ) : null}
                  {c.status === "LIVE" ? (
                    <IntentButton intent="end-now" label={t("homepage.endNow")} />
                  ) : null}
                  {editable ? (
                    <IntentButton intent="cancel" label={t("homepage.cancel")} tone="critical" />
                  ) : null}
                </InlineStack>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingSm">
                  {t("homepage.switchesTitle")}
                </Text>
                {c.switches.length === 0 ? (
                  <Text as="p" tone="subdued">
                    {t("homepage.noSwitches")}
                  </Text>
                ) : null}
                {c.switches.map((s) => (
                  <BlockStack key={s.id} gap="100">
                    <InlineStack gap="200" blockAlign="center">
                      <Text as="span" fontWeight="semibold">
                        {t(`homepage.direction.${s.direction}` as MessageKey)}
                      </Text>
                      <span data-switch={s.direction} data-switch-status={s.status}>
                        <Badge
                          tone={
                            s.status === "DONE"
                              ? "success"
                              : s.status === "FAILED"
                                ? "critical"
                                : undefined
                          }
                        >
                          {t(`homepage.switchStatus.${s.status}` as MessageKey)}
                        </Badge>
                      </span>
                      {s.late ? <Badge tone="warning">{t("homepage.late")}</Badge> : null}
                    </InlineStack>
                    <Text as="p" tone="subdued">
                      {t("homepage.switchDue", { at: s.dueLocal.replace("T", " ") })}
                      {s.appliedLocal
                        ? ` · ${t("homepage.switchApplied", { at: s.appliedLocal.replace("T", " ") })}`
                        : ""}
                    </Text>
                    {s.verifiedOk !== null ? (
                      <span data-verified={s.direction}>
                        <Badge tone={s.verifiedOk ? "success" : "critical"}>
                          {s.verifiedOk ? t("homepage.verifiedOk") : t("homepage.verifiedFailed")}
                        </Badge>
                      </span>
                    ) : null}
                    {s.error ? (
                      <Text as="p" tone="critical">
                        {s.error}
                      </Text>
                    ) : null}
                    {data.effectLinks[s.id] ? (
                      <Link url={data.effectLinks[s.id]}>{t("insights.effects.link")}</Link>
                    ) : null}
                  </BlockStack>
                ))}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingSm">
                  {t("homepage.previewTitle")}
                </Text>
                {c.mode === "APP_BLOCK" ? <CampaignPreview campaign={c} /> : null}
                {c.mode === "APP_BLOCK" && editable ? (
                  <PreviewLinkCard link={data.previewLink} />
                ) : null}
                {data.themePreviewUrl ? (
                  <Link url={data.themePreviewUrl} target="_blank">
                    {t("homepage.themePreview")}
                  </Link>
                ) : (
                  <Link url={data.storefrontUrl} target="_blank">
                    {t("homepage.openStorefront")}
                  </Link>
                )}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </AppPage>
  );
}
