import { Form, useNavigation } from "@remix-run/react";
import { BlockStack, Button, InlineStack, Link, Text, TextField } from "@shopify/polaris";
import { useBridge } from "../../../components/bridge";
import { useI18n } from "../../../components/I18nProvider";
import type { PreviewLinkView } from "../preview-links.server";

function IntentButton(props: { intent: string; label: string; tone?: "critical" }) {
  const busy = useNavigation().formData?.get("intent") === props.intent;
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={props.intent} />
      <Button submit tone={props.tone} loading={busy} id={`campaign-${props.intent}`}>
        {props.label}
      </Button>
    </Form>
  );
}

/**
 * The campaign's storefront preview link (docs/decisions/035-storefront-preview-link.md): make,
 * copy, open, replace or revoke it. Whoever holds it sees the campaign on the real storefront.
 */
export function PreviewLinkCard({ link }: { link: PreviewLinkView | null }) {
  const { t } = useI18n();
  const bridge = useBridge();
  if (!link) {
    return (
      <BlockStack gap="200">
        <Text as="p" tone="subdued">
          {t("homepage.previewLink.help")}
        </Text>
        <InlineStack>
          <IntentButton intent="preview-link" label={t("homepage.previewLink.create")} />
        </InlineStack>
      </BlockStack>
    );
  }
  const copy = () => {
    void navigator.clipboard
      .writeText(link.url)
      .then(() => bridge.toast(t("homepage.previewLink.copied")))
      .catch(() => bridge.toast(t("homepage.previewLink.copyFailed"), { isError: true }));
  };
  return (
    <BlockStack gap="200">
      <TextField
        label={t("homepage.previewLink.label")}
        value={link.url}
        readOnly
        autoComplete="off"
        id="campaign-preview-link-url"
        selectTextOnFocus
        helpText={
          link.expired
            ? t("homepage.previewLink.expired")
            : t("homepage.previewLink.expires", { at: link.expiresLocal.replace("T", " ") })
        }
      />
      <InlineStack gap="200" blockAlign="center">
        <Button onClick={copy} id="campaign-preview-link-copy">
          {t("homepage.previewLink.copy")}
        </Button>
        {link.expired ? null : (
          <Link url={link.url} target="_blank" id="campaign-preview-link-open">
            {t("homepage.previewLink.open")}
          </Link>
        )}
      </InlineStack>
      <InlineStack gap="200">
        <IntentButton intent="preview-link" label={t("homepage.previewLink.replace")} />
        <IntentButton
          intent="revoke-preview-link"
          label={t("homepage.previewLink.revoke")}
          tone="critical"
        />
      </InlineStack>
    </BlockStack>
  );
}
