import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, Card, EmptyState, IndexTable, Link, Text } from "@shopify/polaris";
import { AppPage } from "../components/bridge";
import { useI18n } from "../components/I18nProvider";
import { changeHistory } from "../features/collections/flow.server";
import { requireShop } from "../shopify/admin.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireShop(request);
  return { changes: await changeHistory(shop) };
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
  const { changes } = useLoaderData<typeof loader>();
  const { t, n } = useI18n();
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
                    {`${t(`collections.change.title.${change.kind as "membership" | "create" | "undo"}`)}: ${
                      change.summary.totals.creates > 0
                        ? t("collections.change.totalsCreate", {
                            creates: n(change.summary.totals.creates),
                          })
                        : t("collections.change.totals", {
                            adds: n(change.summary.totals.adds),
                            removes: n(change.summary.totals.removes),
                            collections: n(change.summary.totals.collections),
                          })
                    }`}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>{change.appliedBy ?? ""}</IndexTable.Cell>
                <IndexTable.Cell>
                  <Badge tone={TONES[change.status]}>
                    {t(`collections.change.status.${change.status}`)}
                  </Badge>
                  {change.undoneById ? ` ${t("collections.change.undone")}` : ""}
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        )}
      </Card>
    </AppPage>
  );
}
