import { Link as RemixLink } from "@remix-run/react";
import { BlockStack, Button, IndexTable, InlineStack, Text } from "@shopify/polaris";
import { useI18n } from "../../../components/I18nProvider";
import { shiftAnchor, touchesDay, visibleDays } from "../calendar";
import type { CampaignView } from "../overview.server";
import { CampaignStatusBadge } from "./CampaignStatusBadge";

type View = "month" | "week" | "list";

const when = (local: string) => local.replace("T", " ");

/** The campaign calendar: a month grid, a week strip, or a list (times in the shop's zone). */
export function CampaignCalendar(props: {
  view: View;
  anchor: string;
  campaigns: CampaignView[];
  onAnchor(at: string): void;
}) {
  const { t } = useI18n();
  if (props.view === "list") {
    return (
      <IndexTable
        itemCount={props.campaigns.length}
        selectable={false}
        headings={[
          { title: t("homepage.field.name") },
          { title: t("homepage.field.startsAt") },
          { title: t("homepage.field.endsAt") },
          { title: t("homepage.field.status") },
        ]}
      >
        {props.campaigns.map((c, index) => (
          <IndexTable.Row id={c.id} key={c.id} position={index}>
            <IndexTable.Cell>
              <RemixLink to={`/app/homepage/${c.id}`} data-campaign-link={c.name}>
                {c.name}
              </RemixLink>
            </IndexTable.Cell>
            <IndexTable.Cell>{when(c.startsLocal)}</IndexTable.Cell>
            <IndexTable.Cell>
              {c.endsLocal ? when(c.endsLocal) : t("homepage.openEnded")}
            </IndexTable.Cell>
            <IndexTable.Cell>
              <span data-campaign-status={c.name}>
                <CampaignStatusBadge status={c.status} />
              </span>
            </IndexTable.Cell>
          </IndexTable.Row>
        ))}
      </IndexTable>
    );
  }
  const days = visibleDays(props.view, props.anchor);
  const month = props.anchor.slice(0, 7);
  return (
    <BlockStack gap="200">
      <InlineStack align="space-between" blockAlign="center">
        <Button
          onClick={() =>
            props.onAnchor(shiftAnchor(props.view as "month" | "week", props.anchor, -1))
          }
        >
          {t("homepage.previous")}
        </Button>
        <Text as="h3" variant="headingSm">
          {props.view === "month" ? month : `${days[0]} – ${days.at(-1)}`}
        </Text>
        <Button
          onClick={() =>
            props.onAnchor(shiftAnchor(props.view as "month" | "week", props.anchor, 1))
          }
        >
          {t("homepage.next")}
        </Button>
      </InlineStack>
      <div
        style={{ display: "grid", gridTemplateColumns: "repeat(7, 1fr)", gap: 4 }}
        data-calendar={props.view}
      >
        {days.map((date) => (
          <div
            key={date}
            style={{
              minHeight: props.view === "week" ? 160 : 80,
              border: "1px solid var(--p-color-border-secondary)",
              borderRadius: 6,
              padding: 4,
              opacity: props.view === "month" && !date.startsWith(month) ? 0.5 : 1,
            }}
          >
            <Text as="p" variant="bodySm" tone="subdued">
              {date.slice(8)}
            </Text>
            {props.campaigns
              .filter((c) => c.status !== "CANCELLED" && touchesDay(c, date))
              .map((c) => (
                <div key={c.id}>
                  <RemixLink to={`/app/homepage/${c.id}`}>
                    <Text as="span" variant="bodySm">
                      {c.name}
                    </Text>
                  </RemixLink>
                </div>
              ))}
          </div>
        ))}
      </div>
    </BlockStack>
  );
}
