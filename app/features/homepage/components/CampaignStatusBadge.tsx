import { Badge } from "@shopify/polaris";
import { useI18n } from "../../../components/I18nProvider";
import type { MessageKey } from "../../../i18n";

const TONES = {
  SCHEDULED: "info",
  LIVE: "success",
  PAUSED: "attention",
  ENDED: undefined,
  CANCELLED: undefined,
  FAILED: "critical",
} as const;

export function CampaignStatusBadge({ status }: { status: keyof typeof TONES }) {
  const { t } = useI18n();
  return <Badge tone={TONES[status]}>{t(`homepage.status.${status}` as MessageKey)}</Badge>;
}
