import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, Card, EmptyState, IndexTable, Link, Text } from "@shopify/polaris";
import { AppPage } from "../components/bridge";
import { useI18n } from "../components/I18nProvider";
import { totalsMessage } from "../features/collections/change-view";
import { changeHistory } from "../features/collections/flow.server";
import type { PlanSummary } from "../features/collections/plan-types";
import { effectLinksByKey } from "../features/insights/effect-links.server";
import { requireShop } from "../shopify/admin.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireShop(request);
  const changes = await changeHistory(shop);
  // Applied changes are recorded as actions: each links to its effects on the insights page.
  const effects = await effectLinksByKey(
    shop,
    changes.map((c) => `collections.change:${c.id}`),
  );
  return { changes, effects };
};

const TONES = {
  PLANNED: "info",
  QUEUED: "info",
  APPLYING: "attention",
  SUCCEEDED: "success",
  PARTIAL: "warning",
  FAILED: "critical",
  DISCARDED: undefined,
} as const;

export default function History() {
  const { changes, effects } = useLoaderData<typeof loader>();
  const { t, n } = useI18n();
  const totalsText = (summary: PlanSummary) => {
    const totals = totalsMessage(summary, n);
    return t(totals.key, totals.vars);
  };
  return (
    <AppPage title={t("collections.history.title")} backUrl="/app/collections">
      <Card padding="0">
        {changes.length === 0 ? (
          <EmptyState heading={t("collections.history.empty")} image="">
            <span />
          </EmptyState>
        ) : (
          <IndexTable
            selectable={false}
            itemCount={changes.length}
            headings={[
              { title: t("collections.history.when") },
              { title: t("collections.history.what") },
              { title: t("collections.history.who") },
              { title: t("collections.history.result") },
            ]}
          >
            {changes.map((change, index) => (
              <IndexTable.Row id={change.id} key={change.id} position={index}>
                <IndexTable.Cell>
                  <Link url={`/app/collections/changes/${change.id}`}>
                    {new Date(change.queuedAt).toLocaleString()}
                  </Link>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span">
                    {`${t(`collections.change.title.${change.kind as "membership" | "create" | "edit" | "order" | "undo"}`)}: ${totalsText(
                      change.summary,
                    )}`}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>{change.appliedBy ?? ""}</IndexTable.Cell>
                <IndexTable.Cell>
                  <Badge tone={TONES[change.status]}>
                    {t(`collections.change.status.${change.status}`)}
                  </Badge>
                  {change.undoneById ? ` ${t("collections.change.undone")}` : ""}
                  {effects[`collections.change:${change.id}`] ? (
                    <>
                      {" "}
                      <Link url={effects[`collections.change:${change.id}`]}>
                        {t("insights.effects.link")}
                      </Link>
                    </>
                  ) : null}
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        )}
      </Card>
    </AppPage>
  );
}
