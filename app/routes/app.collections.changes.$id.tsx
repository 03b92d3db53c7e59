import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect, useFetcher, useLoaderData, useRevalidator } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  DataTable,
  InlineStack,
  Link,
  List,
  ProgressBar,
  Text,
} from "@shopify/polaris";
import { useEffect } from "react";
import { z } from "zod";
import { AppPage, useBridge } from "../components/bridge";
import { useI18n } from "../components/I18nProvider";
import { totalsMessage, type ChangeView } from "../features/collections/change-view";
import type { EditLine } from "../features/collections/plan-types";
import {
  changeDetails,
  confirmChange,
  discardChange,
  planUndo,
} from "../features/collections/flow.server";
import { requireShop } from "../shopify/admin.server";

const params = z.object({ id: z.string().uuid() });
const intent = z.object({ intent: z.enum(["apply", "discard", "undo"]) });

export const loader = async ({ request, params: raw }: LoaderFunctionArgs) => {
  const { shop } = await requireShop(request);
  const parsed = params.safeParse(raw);
  const change = parsed.success ? await changeDetails(shop, parsed.data.id) : null;
  if (!change) throw new Response("Not found", { status: 404 });
  return { change };
};

export const action = async ({ request, params: raw }: ActionFunctionArgs) => {
  const { shop, gateway, actor } = await requireShop(request);
  const parsed = params.safeParse(raw);
  const form = intent.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return Response.json({ error: "not_found" }, { status: 404 });
  if (!form.success) return Response.json({ error: "unknown_intent" }, { status: 400 });
  const id = parsed.data.id;
  switch (form.data.intent) {
    case "apply": {
      const result = await confirmChange(shop, id, actor);
      if (result.status === "queued") return Response.json({ ok: true, result });
      return Response.json({ ok: false, result }, { status: 409 });
    }
    case "discard": {
      const discarded = await discardChange(shop, id);
      return Response.json({ ok: discarded }, { status: discarded ? 200 : 409 });
    }
    case "undo": {
      const result = await planUndo(gateway, shop, id, actor);
      if (result.status === "planned")
        return redirect(`/app/collections/changes/${result.change.id}`);
      return Response.json({ ok: false, result }, { status: 409 });
    }
  }
};

type ActionResult =
  | { ok: true }
  | {
      ok: false;
      result?: { status: string; collectionId?: string; heldBy?: string };
      error?: string;
    };

const STATUS_TONES = {
  PLANNED: "info",
  QUEUED: "info",
  APPLYING: "attention",
  SUCCEEDED: "success",
  PARTIAL: "warning",
  FAILED: "critical",
  DISCARDED: undefined,
} as const;

export default function ChangePage() {
  const { change } = useLoaderData<typeof loader>();
  const { t, n } = useI18n();
  const bridge = useBridge();
  const fetcher = useFetcher<ActionResult>();
  const { revalidate, state } = useRevalidator();
  const active = change.status === "QUEUED" || change.status === "APPLYING";

  // Live progress: the change and its task are stored, so a reload or a worker restart keeps it.
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => state === "idle" && revalidate(), 1000);
    return () => clearInterval(timer);
  }, [active, revalidate, state]);

  useEffect(() => {
    if (fetcher.data?.ok) bridge.toast(t("collections.change.applied"));
  }, [fetcher.data, bridge, t]);

  const failure = fetcher.data && !fetcher.data.ok ? fetcher.data : null;
  const { summary } = change;
  const submit = (value: string) => fetcher.submit({ intent: value }, { method: "post" });
  const processed = change.doneUnits + change.failedUnits;
  const busy = fetcher.state !== "idle";

  return (
    <AppPage
      title={t(`collections.change.title.${change.kind as ChangeKindKey}`)}
      backUrl="/app/collections"
    >
      <BlockStack gap="400">
        <InlineStack gap="200" blockAlign="center">
          <span id="change-status" data-status={change.status}>
            <Badge tone={STATUS_TONES[change.status]}>
              {t(`collections.change.status.${change.status}`)}
            </Badge>
          </span>
          {change.undoOfId ? (
            <Link url={`/app/collections/changes/${change.undoOfId}`}>
              {t("collections.change.viewOriginal")}
            </Link>
          ) : null}
          {change.undoneById ? (
            <Link url={`/app/collections/changes/${change.undoneById}`}>
              {t("collections.change.viewUndo")}
            </Link>
          ) : null}
        </InlineStack>
        {failure?.result?.status === "locked" ? (
          <Banner tone="critical">
            {t("collections.change.locked", {
              change: failure.result.heldBy ?? "",
              collection:
                summary.collections.find((c) => c.id === failure.result?.collectionId)?.title ??
                failure.result.collectionId ??
                "",
            })}
          </Banner>
        ) : failure?.result?.status === "not_planned" ? (
          <Banner tone="critical">{t("collections.change.notPlanned")}</Banner>
        ) : failure?.result?.status === "cannot_undo" ? (
          <Banner tone="critical">{t("collections.change.cannotUndo")}</Banner>
        ) : null}
        {change.undoOfId && change.status === "PLANNED" ? (
          <Banner tone="info">{t("collections.change.undoPlanned")}</Banner>
        ) : null}
        {change.status !== "PLANNED" && change.status !== "DISCARDED" ? (
          <Card>
            <BlockStack gap="200">
              <ProgressBar
                progress={
                  change.totalUnits ? Math.round((processed / change.totalUnits) * 100) : 100
                }
                tone={change.failedUnits > 0 ? "critical" : "primary"}
              />
              <Text as="p" id="change-progress">
                {t("collections.change.progress", {
                  done: n(processed),
                  total: n(change.totalUnits),
                })}
                {change.failedUnits > 0
                  ? ` · ${t("collections.change.errors", { count: n(change.failedUnits) })}`
                  : ""}
                {change.etaSeconds != null
                  ? ` · ${t("collections.change.timeLeft", { seconds: n(change.etaSeconds) })}`
                  : ""}
              </Text>
            </BlockStack>
          </Card>
        ) : null}
        <PlanCard change={change} />
        <InlineStack gap="200" align="end">
          {change.status === "PLANNED" ? (
            <>
              <Button onClick={() => submit("discard")} disabled={busy}>
                {t("collections.change.discard")}
              </Button>
              <Button
                variant="primary"
                onClick={() => submit("apply")}
                loading={busy}
                disabled={change.totalUnits === 0}
              >
                {t("collections.change.apply")}
              </Button>
            </>
          ) : null}
          {(change.status === "SUCCEEDED" || change.status === "PARTIAL") &&
          change.kind !== "undo" &&
          !change.undoneById ? (
            <Button onClick={() => submit("undo")} loading={busy}>
              {t("collections.change.undo")}
            </Button>
          ) : null}
        </InlineStack>
        {change.status !== "PLANNED" && change.status !== "DISCARDED" ? (
          <ReportCard change={change} />
        ) : null}
      </BlockStack>
    </AppPage>
  );
}

type ChangeKindKey = "membership" | "create" | "edit" | "order" | "undo";

function PlanCard({ change }: { change: ChangeView }) {
  const { t, n } = useI18n();
  const { summary } = change;
  const totals = totalsMessage(summary, n);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("collections.change.plan")}
        </Text>
        <Text as="p" id="plan-totals">
          {change.totalUnits === 0 ? t("collections.change.nothing") : t(totals.key, totals.vars)}
        </Text>
        {summary.warnings.length > 0 ? (
          <Banner tone="warning" title={t("collections.change.warnings")}>
            <List>
              {summary.warnings.map((warning, index) => (
                <List.Item key={index}>
                  {t(`collections.warning.${warning.code}`, warning.vars)}
                </List.Item>
              ))}
            </List>
          </Banner>
        ) : null}
        {summary.rowErrors && summary.rowErrors.length > 0 ? (
          <Banner tone="critical" title={t("collections.import.rowErrors")}>
            <List>
              {summary.rowErrors.map((error) => (
                <List.Item key={error.row}>
                  {`${t("collections.import.row", { row: error.row })}: ${error.errors.join("; ")}`}
                </List.Item>
              ))}
            </List>
          </Banner>
        ) : null}
        {summary.totals.edits && summary.collections.length > 0 ? (
          <EditDiff summary={summary} />
        ) : summary.collections.length > 0 ? (
          <DataTable
            columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric"]}
            headings={[
              t("collections.change.diff"),
              t("collections.change.diff.before"),
              t("collections.change.diff.adds"),
              t("collections.change.diff.removes"),
              t("collections.change.diff.after"),
            ]}
            rows={summary.collections.map((c) => [
              c.title,
              n(c.before),
              n(c.adds),
              n(c.removes),
              n(c.after),
            ])}
          />
        ) : null}
        {summary.sample.length > 0 ? (
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              {t(
                change.kind === "create"
                  ? "collections.change.sampleCreate"
                  : "collections.change.sample",
              )}
            </Text>
            <List>
              {summary.sample.map((item) => (
                <List.Item key={item.id}>{item.title}</List.Item>
              ))}
            </List>
          </BlockStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}

/** Per collection, one line per condition, sort order or channel change. */
function EditDiff({ summary }: { summary: ChangeView["summary"] }) {
  const { t } = useI18n();
  const line = (edit: EditLine) => {
    const side = edit.side ? t(`collections.edit.side.${edit.side}`) : "";
    switch (edit.kind) {
      case "sortOrder":
        return t("collections.edit.line.sortOrder", {
          from: t(`collections.sortOrder.${edit.from as SortOrderKey}`),
          to: t(`collections.sortOrder.${edit.to as SortOrderKey}`),
        });
      case "publish":
      case "unpublish":
        return t(`collections.edit.line.${edit.kind}`, { channel: edit.channel ?? "" });
      default:
        return t(`collections.edit.line.${edit.kind}`, {
          side,
          from: edit.from ?? "",
          to: edit.to ?? "",
        });
    }
  };
  return (
    <DataTable
      columnContentTypes={["text", "text"]}
      headings={[t("collections.change.diff"), t("collections.change.diff.changes")]}
      rows={summary.collections.map((c) => [
        c.title,
        <BlockStack key={c.id} gap="050">
          {(c.edits ?? []).map((edit, index) => (
            <Text as="span" key={index}>
              {line(edit)}
            </Text>
          ))}
        </BlockStack>,
      ])}
    />
  );
}

type SortOrderKey =
  | "ALPHA_ASC"
  | "ALPHA_DESC"
  | "BEST_SELLING"
  | "CREATED"
  | "CREATED_DESC"
  | "MANUAL"
  | "MOST_RELEVANT"
  | "PRICE_ASC"
  | "PRICE_DESC";

function ReportCard({ change }: { change: ChangeView }) {
  const { t, n } = useI18n();
  const label = (item: ChangeView["items"][number]) =>
    item.op === "reorder"
      ? t("collections.change.item.reorder", {
          count: n(item.count),
          collection: item.title ?? item.collectionId ?? "",
        })
      : item.op === "restoreOrder"
        ? t("collections.change.item.restoreOrder", {
            collection: item.title ?? item.collectionId ?? "",
          })
        : item.op === "edit"
          ? t("collections.change.item.edit", { collection: item.title ?? item.collectionId ?? "" })
          : item.op === "create"
            ? t("collections.change.item.create", { title: item.title ?? "" })
            : item.op === "delete"
              ? `${item.title ?? item.collectionId ?? ""}`
              : t(
                  item.op === "add"
                    ? "collections.change.item.add"
                    : "collections.change.item.remove",
                  {
                    count: n(item.count),
                    collection: item.title ?? item.collectionId ?? "",
                  },
                );
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("collections.change.report")}
        </Text>
        <DataTable
          columnContentTypes={["text", "text", "text"]}
          headings={[
            t("collections.change.report.item"),
            t("collections.change.report.status"),
            t("collections.change.report.reason"),
          ]}
          rows={change.items.map((item) => [
            label(item),
            t(`collections.change.itemStatus.${item.status}`),
            item.failures.length > 0
              ? item.failures.map((f) => `${f.id}: ${f.reason}`).join("; ")
              : (item.error ?? ""),
          ])}
        />
      </BlockStack>
    </Card>
  );
}
