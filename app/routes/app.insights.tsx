import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  Link as RemixLink,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  FormLayout,
  InlineStack,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import vizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { AppPage, useBridge } from "../components/bridge";
import { useI18n } from "../components/I18nProvider";
import { KPI_NAMES } from "../features/insights/action-input";
import { COLLECTION_KPI } from "../features/insights/effect-series";
import { KpiChart } from "../features/insights/components/KpiChart";
import { MANUAL_CATEGORIES } from "../features/insights/manual-input";
import {
  createManualAction,
  deleteManualActionAndAnnotation,
  updateManualAction,
} from "../features/insights/manual.server";
import { COMPARES, PAGE_KPIS, pageParams, RANGES } from "../features/insights/page-params";
import { insightsPage, requestSync } from "../features/insights/page.server";
import type { InsightsPageData } from "../features/insights/page.server";
import type { MessageKey } from "../i18n";
import { requireShop } from "../shopify/admin.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: vizStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, gateway } = await requireShop(request);
  const url = new URL(request.url);
  const params = pageParams.parse(Object.fromEntries(url.searchParams));
  return insightsPage(shop, gateway, params);
};

const intentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create") }).passthrough(),
  z.object({ intent: z.literal("update"), id: z.string().uuid() }).passthrough(),
  z.object({ intent: z.literal("delete"), id: z.string().uuid() }),
  z.object({ intent: z.literal("sync") }),
]);

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, actor } = await requireShop(request);
  const form = Object.fromEntries(await request.formData());
  const parsed = intentSchema.safeParse(form);
  if (!parsed.success)
    return Response.json({ ok: false, errors: { form: "invalid request" } }, { status: 400 });
  const input = parsed.data;
  if (input.intent === "sync") {
    await requestSync(shop);
    return { ok: true, done: "sync" as const };
  }
  if (input.intent === "delete") {
    const deleted = await deleteManualActionAndAnnotation(shop, input.id);
    return deleted
      ? { ok: true, done: "delete" as const }
      : Response.json({ ok: false, errors: { form: "not-found" } }, { status: 404 });
  }
  const { intent: _intent, ...fields } = input;
  const result =
    input.intent === "create"
      ? await createManualAction(shop, actor, fields)
      : await updateManualAction(shop, input.id, fields);
  if (!result.ok) return Response.json(result, { status: 422 });
  return { ok: true, done: "save" as const };
};

type ActionData = {
  ok: boolean;
  done?: "sync" | "delete" | "save";
  errors?: Record<string, string>;
};
type Row = InsightsPageData["actions"][number];
type Effect = Row["effects"][number];

function percent(value: number, locale: string) {
  return new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-US", {
    style: "percent",
    maximumFractionDigits: 1,
    signDisplay: "exceptZero",
  }).format(value);
}

export default function Insights() {
  const data = useLoaderData<typeof loader>() as unknown as InsightsPageData;
  const actionData = useActionData<ActionData>();
  const { t, n, locale } = useI18n();
  const { toast } = useBridge();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<Row | "new" | null>(null);
  const navigation = useNavigation();

  useEffect(() => {
    if (!actionData?.ok) return;
    if (actionData.done === "save") {
      toast(t("insights.manual.saved"));
      setEditing(null);
    } else if (actionData.done === "delete") toast(t("insights.manual.deleted"));
    else if (actionData.done === "sync") toast(t("insights.sync.queued"));
  }, [actionData, t, toast]);

  const kpi = data.params.kpi;
  const money = new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-US", {
    style: "currency",
    currency: data.currencyCode || "USD",
    maximumFractionDigits: 0,
  });
  const format = (value: number) =>
    kpi === "net_sales" || kpi === "average_order_value" || kpi === COLLECTION_KPI
      ? money.format(value)
      : kpi === "conversion_rate"
        ? percent(value, locale).replace("+", "")
        : n(Math.round(value));
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    // The period shown is now the merchant's choice, not the one around a linked action.
    if (key !== "range" && !next.has("range")) next.set("range", data.params.range);
    setParams(next);
  };
  const kpiLabel = (name: string) =>
    name === COLLECTION_KPI && data.collections?.selected
      ? `${t("insights.kpi.net_sales")} — ${data.collections.selected.title}`
      : t(`insights.kpi.${name}` as MessageKey);

  return (
    <AppPage title={t("insights.title")}>
      <BlockStack gap="400">
        {data.focus && !data.focus.found ? (
          <Banner tone="warning">
            <p id="focus-not-found">{t("insights.focus.notFound")}</p>
          </Banner>
        ) : null}
        <Card>
          <BlockStack gap="200">
            <Text as="p" variant="headingMd" id="orders-30">
              {t("insights.orders30", { count: n(data.orders30) })}
            </Text>
            <SyncStatus data={data} />
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="300">
            <InlineStack gap="300" wrap>
              <Select
                id="kpi-picker"
                label={t("insights.kpi")}
                value={kpi}
                onChange={(v) => set("kpi", v)}
                options={PAGE_KPIS.map((k) => ({
                  value: k,
                  label: t(`insights.kpi.${k}` as MessageKey),
                }))}
              />
              {kpi === COLLECTION_KPI && data.collections?.selected ? (
                <Select
                  id="collection-picker"
                  label={t("insights.collection")}
                  value={data.collections.selected.id}
                  onChange={(v) => set("collection", v)}
                  options={data.collections.options.map((c) => ({
                    value: c.id,
                    label: t("insights.collection.option", {
                      title: c.title,
                      count: n(c.products),
                    }),
                  }))}
                />
              ) : null}
              <Select
                id="range-picker"
                label={t("insights.range")}
                value={data.params.range}
                onChange={(v) => set("range", v)}
                options={RANGES.map((r) => ({ value: r, label: t(`insights.range.${r}`) }))}
              />
              <Select
                id="compare-picker"
                label={t("insights.compare")}
                value={data.params.compare}
                onChange={(v) => set("compare", v)}
                options={COMPARES.map((c) => ({ value: c, label: t(`insights.compare.${c}`) }))}
              />
            </InlineStack>
            {kpi === COLLECTION_KPI ? (
              <Text as="p" tone="subdued" variant="bodySm" id="collection-note">
                {data.collections?.selected
                  ? t("insights.collection.note")
                  : t("insights.collection.notReady")}
              </Text>
            ) : null}
            <Text as="p" variant="headingLg" id="kpi-total">
              {t("insights.total", {
                kpi: kpiLabel(kpi),
                value: data.total === null ? "–" : format(data.total),
              })}
            </Text>
            {data.params.compare !== "none" && data.total !== null && data.compareTotal ? (
              <Text as="p" tone="subdued" id="kpi-compare">
                {t("insights.vsCompare", {
                  change: percent(data.total / data.compareTotal - 1, locale),
                  label: t(`insights.compare.${data.params.compare}`).toLowerCase(),
                  value: format(data.compareTotal),
                })}
              </Text>
            ) : null}
            <KpiChart
              points={data.points}
              markers={data.actions.map((a) => ({
                id: a.id,
                title: a.title,
                start: a.startDate,
                end: a.endDate,
              }))}
              seriesName={t("insights.series.current")}
              compareName={
                data.params.compare === "none" ? null : t(`insights.compare.${data.params.compare}`)
              }
              format={format}
              loading={t("insights.chartLoading")}
            />
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="300">
            <InlineStack align="space-between" blockAlign="center">
              <Text as="h2" variant="headingMd">
                {t("insights.actions.title")}
              </Text>
              <Button id="add-note" onClick={() => setEditing("new")}>
                {t("insights.manual.add")}
              </Button>
            </InlineStack>
            {editing ? (
              <ManualForm
                row={editing === "new" ? null : editing}
                errors={actionData?.ok === false ? (actionData.errors ?? {}) : {}}
                busy={navigation.state !== "idle"}
                onCancel={() => setEditing(null)}
              />
            ) : null}
            {data.actions.length === 0 ? (
              <Text as="p" tone="subdued">
                {t("insights.actions.empty")}
              </Text>
            ) : null}
            <ul id="action-list" style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {data.actions.map((row) => (
                <ActionItem
                  key={row.id}
                  row={row}
                  focused={data.focus?.id === row.id}
                  onEdit={() => setEditing(row)}
                />
              ))}
            </ul>
          </BlockStack>
        </Card>
      </BlockStack>
    </AppPage>
  );
}

/** One action in the list; the linked one is highlighted and scrolled into view. */
function ActionItem({ row, focused, onEdit }: { row: Row; focused: boolean; onEdit: () => void }) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: "center" });
  }, [focused]);
  return (
    <li
      ref={ref}
      data-action-id={row.id}
      data-focused={focused ? "true" : undefined}
      id={focused ? "focused-action" : undefined}
      style={{
        borderTop: "1px solid #e3e3e3",
        padding: focused ? "12px" : "12px 0",
        background: focused ? "#fff8db" : undefined,
        outline: focused ? "2px solid #b98900" : undefined,
        borderRadius: focused ? 8 : undefined,
      }}
    >
      <ActionRow row={row} focused={focused} onEdit={onEdit} />
    </li>
  );
}

function SyncStatus({ data }: { data: InsightsPageData }) {
  const { t, n } = useI18n();
  const { sync } = data;
  const when = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString() : t("insights.sync.never");
  return (
    <BlockStack gap="200">
      <InlineStack gap="200" blockAlign="center">
        <Text as="p" id="sync-status">
          {sync.status === "running"
            ? t("insights.sync.running")
            : sync.status === "failed"
              ? t("insights.sync.failed", { error: sync.error ?? "" })
              : t("insights.sync.idle", {
                  orders: n(sync.ordersCounted),
                  first: sync.firstDate ?? "–",
                  repaired: when(sync.repairedAt),
                  webhook: when(sync.lastWebhookAt),
                })}
        </Text>
        <Form method="post">
          <input type="hidden" name="intent" value="sync" />
          <Button submit size="slim">
            {t("insights.sync.now")}
          </Button>
        </Form>
      </InlineStack>
      {sync.sessionsReason ? (
        <Banner tone="info">
          <p id="sessions-missing">{t(`insights.sessions.${sync.sessionsReason}` as MessageKey)}</p>
        </Banner>
      ) : null}
    </BlockStack>
  );
}

function EffectLine({ effect }: { effect: Effect }) {
  const { t, locale, n } = useI18n();
  const kpi =
    effect.kpi === COLLECTION_KPI
      ? t("insights.effect.collectionKpi")
      : t(`insights.kpi.${effect.kpi}` as MessageKey);
  const p = (v: number | null) => (v === null ? "–" : percent(v, locale));
  const verdict = effect.verdict as
    "increase" | "decrease" | "no-detectable-effect" | "cannot-tell";
  const text =
    verdict === "cannot-tell"
      ? t("insights.verdict.cannot-tell", {
          kpi,
          reason: t(`insights.reason.${effect.reason ?? "missing-data"}` as MessageKey),
        })
      : verdict === "no-detectable-effect"
        ? t("insights.verdict.no-detectable-effect", {
            kpi,
            detectable: p(effect.detectable).replace("+", ""),
          })
        : t(`insights.verdict.${verdict}`, {
            kpi,
            point: p(effect.point),
            lower: p(effect.lower),
            upper: p(effect.upper),
          });
  const tone = verdict === "increase" ? "success" : verdict === "decrease" ? "critical" : undefined;
  return (
    <div data-kpi={effect.kpi} data-verdict={verdict}>
      <Text as="p" tone={tone}>
        {text}
        {effect.controls > 0
          ? ` ${t("insights.effect.controls", { count: n(effect.controls) })}`
          : ""}
      </Text>
    </div>
  );
}

function ActionRow({ row, focused, onEdit }: { row: Row; focused: boolean; onEdit: () => void }) {
  const { t, locale } = useI18n();
  return (
    <BlockStack gap="100">
      <InlineStack gap="200" blockAlign="center" wrap>
        <Text as="h3" variant="headingSm">
          {row.title}
        </Text>
        <Badge>{t(`insights.actions.source.${row.source}`)}</Badge>
        {focused ? <Badge tone="attention">{t("insights.focus.badge")}</Badge> : null}
        <Text as="span" tone="subdued">
          {row.endDate ? `${row.startDate} – ${row.endDate}` : row.startDate}
        </Text>
        {row.detailsPath ? (
          <RemixLink to={row.detailsPath}>{t("insights.actions.details")}</RemixLink>
        ) : null}
        {row.source === "MANUAL" ? (
          <InlineStack gap="100">
            <Button size="slim" onClick={onEdit}>
              {t("insights.manual.edit")}
            </Button>
            <Form method="post">
              <input type="hidden" name="intent" value="delete" />
              <input type="hidden" name="id" value={row.id} />
              <Button size="slim" tone="critical" submit>
                {t("insights.manual.delete")}
              </Button>
            </Form>
          </InlineStack>
        ) : null}
      </InlineStack>
      {row.note ? (
        <Text as="p" tone="subdued">
          {row.note}
        </Text>
      ) : null}
      {row.annotation !== "not-applicable" ? (
        <Text as="p" tone="subdued" variant="bodySm">
          {row.annotation === "synced"
            ? t("insights.annotation.synced")
            : row.annotation === "error"
              ? t("insights.annotation.error", { error: row.annotationError ?? "" })
              : t("insights.annotation.pending")}
        </Text>
      ) : null}
      {row.effects.length ? (
        <BlockStack gap="050">
          <Text as="p" variant="bodySm" tone="subdued">
            {t("insights.actions.window", {
              start: row.effects[0].windowStart,
              end: row.effects[0].windowEnd,
            })}
          </Text>
          {row.effects.map((effect) => (
            <EffectLine key={effect.kpi} effect={effect} />
          ))}
        </BlockStack>
      ) : (
        <Text as="p" tone="subdued">
          {t("insights.actions.notEstimated")}
        </Text>
      )}
      {row.expected ? (
        <Text as="p">
          {t("insights.grade.label", {
            kpi: t(`insights.kpi.${row.expected.kpi}` as MessageKey).toLowerCase(),
            direction: t(`insights.grade.${row.expected.direction as "increase" | "decrease"}`),
            size: row.expected.size
              ? ` (${percent(row.expected.size, locale).replace("+", "")})`
              : "",
          })}{" "}
          {row.grade ? t(`insights.grade.${row.grade}`) : t("insights.actions.notEstimated")}
        </Text>
      ) : null}
    </BlockStack>
  );
}

function ManualForm({
  row,
  errors,
  busy,
  onCancel,
}: {
  row: Row | null;
  errors: Record<string, string>;
  busy: boolean;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState(row?.title ?? "");
  const [note, setNote] = useState(row?.note ?? "");
  const [category, setCategory] = useState(row?.category ?? "other");
  const [startDate, setStartDate] = useState(row?.startDate ?? "");
  const [endDate, setEndDate] = useState(row?.endDate ?? "");
  const [expectedKpi, setExpectedKpi] = useState(row?.expected?.kpi ?? "");
  const [expectedDirection, setExpectedDirection] = useState(
    row?.expected?.direction ?? "increase",
  );
  const [expectedPercent, setExpectedPercent] = useState(
    row?.expected?.size ? String(Math.round(row.expected.size * 1000) / 10) : "",
  );
  return (
    <Form method="post" id="manual-form">
      <input type="hidden" name="intent" value={row ? "update" : "create"} />
      {row ? <input type="hidden" name="id" value={row.id} /> : null}
      <FormLayout>
        <TextField
          label={t("insights.manual.title")}
          name="title"
          value={title}
          onChange={setTitle}
          autoComplete="off"
          error={errors.title}
        />
        <TextField
          label={t("insights.manual.note")}
          name="note"
          value={note}
          onChange={setNote}
          autoComplete="off"
          multiline={2}
          error={errors.note}
        />
        <FormLayout.Group>
          <Select
            label={t("insights.manual.category")}
            name="category"
            value={category}
            onChange={setCategory}
            options={MANUAL_CATEGORIES.map((c) => ({
              value: c,
              label: t(`insights.manual.category.${c}`),
            }))}
          />
          <TextField
            label={t("insights.manual.startDate")}
            name="startDate"
            type="date"
            value={startDate}
            onChange={setStartDate}
            autoComplete="off"
            error={errors.startDate}
          />
          <TextField
            label={t("insights.manual.endDate")}
            name="endDate"
            type="date"
            value={endDate}
            onChange={setEndDate}
            autoComplete="off"
            error={errors.endDate}
          />
        </FormLayout.Group>
        <FormLayout.Group>
          <Select
            label={t("insights.manual.expectedKpi")}
            name="expectedKpi"
            value={expectedKpi}
            onChange={setExpectedKpi}
            options={[
              { value: "", label: t("insights.manual.expectedNone") },
              ...KPI_NAMES.map((k) => ({ value: k, label: t(`insights.kpi.${k}`) })),
            ]}
          />
          <Select
            label={t("insights.manual.expectedDirection")}
            name="expectedDirection"
            value={expectedKpi ? expectedDirection : ""}
            onChange={setExpectedDirection}
            disabled={!expectedKpi}
            options={[
              { value: "", label: "–" },
              { value: "increase", label: t("insights.grade.increase") },
              { value: "decrease", label: t("insights.grade.decrease") },
            ]}
            error={errors.expectedDirection}
          />
          <TextField
            label={t("insights.manual.expectedPercent")}
            name="expectedPercent"
            type="number"
            value={expectedPercent}
            onChange={setExpectedPercent}
            autoComplete="off"
            disabled={!expectedKpi}
            error={errors.expectedPercent}
          />
        </FormLayout.Group>
        {errors.form ? (
          <Banner tone="critical">
            <p>{errors.form}</p>
          </Banner>
        ) : null}
        <InlineStack gap="200">
          <Button submit variant="primary" loading={busy} id="save-note">
            {t("insights.manual.save")}
          </Button>
          <Button onClick={onCancel}>{t("insights.manual.cancel")}</Button>
        </InlineStack>
      </FormLayout>
    </Form>
  );
}
