import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineStack, Text, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { z } from "zod";
import { AppPage } from "../components/bridge";
import { useI18n } from "../components/I18nProvider";
import { OrderList, type OrderRow } from "../features/collections/components/OrderList";
import { orderRequestSchema } from "../features/collections/order-plan";
import { startOrderPlanning } from "../features/collections/order-planning.server";
import { readOrderPage, searchInCollection } from "../features/collections/order.server";
import { isMessageKey, type MessageKey } from "../i18n";
import { requireShop } from "../shopify/admin.server";

/** How many products the page shows at once (10,000-product collections page through). */
const PAGE_SIZE = 50;

const params = z.object({ id: z.string().regex(/^\d{1,20}$/) });
const pageQuery = z.object({
  after: z.string().max(1_000).optional(),
  start: z.coerce.number().int().min(0).max(10_000_000).catch(0),
  q: z.string().trim().max(100).optional(),
});

function collectionIdOf(raw: unknown): string {
  const parsed = params.safeParse(raw);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  return `gid://shopify/Collection/${parsed.data.id}`;
}

export const loader = async ({ request, params: raw }: LoaderFunctionArgs) => {
  const { gateway } = await requireShop(request);
  const collectionId = collectionIdOf(raw);
  const url = new URL(request.url);
  const query = pageQuery.parse(Object.fromEntries(url.searchParams));
  const page = await readOrderPage(gateway, collectionId, PAGE_SIZE, query.after ?? null);
  if (!page) throw new Response("Not found", { status: 404 });
  const start = query.after ? query.start : 0;
  return {
    collection: {
      id: page.id,
      title: page.title,
      sortOrder: page.sortOrder,
      productsCount: page.productsCount?.count ?? page.products.nodes.length,
    },
    rows: page.products.nodes,
    start,
    next: page.products.pageInfo.hasNextPage
      ? { after: page.products.pageInfo.endCursor ?? "", start: start + page.products.nodes.length }
      : null,
    query: query.q ?? "",
    results: query.q ? await searchInCollection(gateway, collectionId, query.q) : null,
  };
};

interface ActionError {
  error: { key: MessageKey; vars: Record<string, string | number> };
}

const fail = (key: string, vars: Record<string, string | number>, status: number) =>
  Response.json(
    { error: { key: isMessageKey(key) ? key : "collections.order.error.invalid", vars } },
    { status },
  );

export const action = async ({ request, params: raw }: ActionFunctionArgs) => {
  const { shop, gateway, actor } = await requireShop(request);
  const collectionId = collectionIdOf(raw);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const productIds = form.getAll("productId").map(String);
  const number = (name: string) => {
    const value = String(form.get(name) ?? "").trim();
    return value === "" ? Number.NaN : Number(value);
  };
  const parsed = orderRequestSchema.safeParse(
    intent === "move"
      ? { mode: "move", collectionId, productId: productIds[0], position: number("position") }
      : intent === "pin"
        ? { mode: "pin", collectionId, productIds }
        : { mode: "arrange", collectionId, start: number("start"), productIds },
  );
  if (!parsed.success) return fail(parsed.error.issues[0]?.message ?? "", {}, 400);
  // A large collection is planned by a job; the planning page shows its progress.
  const result = await startOrderPlanning(gateway, shop, actor, parsed.data);
  if (result.status === "queued") return redirect(`/app/collections/planning/${result.taskId}`);
  if (result.status === "not_found") return fail("collections.order.refused.notFound", {}, 404);
  if (result.status === "refused") {
    return fail(`collections.order.refused.${result.refusal.code}`, result.refusal.vars, 409);
  }
  return redirect(`/app/collections/changes/${result.change.id}`);
};

export default function CollectionOrder() {
  const data = useLoaderData<typeof loader>();
  const { collection, start, next, results } = data;
  const actionData = useActionData<ActionError>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t, n } = useI18n();
  const [rows, setRows] = useState<OrderRow[]>(data.rows);
  const [selected, setSelected] = useState<string[]>([]);
  const [moving, setMoving] = useState<OrderRow | null>(null);
  const [position, setPosition] = useState("");
  const [query, setQuery] = useState(data.query);
  const busy = navigation.state !== "idle";
  const editable = collection.sortOrder === "MANUAL";
  const changed = rows.some((row, index) => row.id !== data.rows[index]?.id);

  // A new page (or a reload after planning) starts from the live order again.
  useEffect(() => {
    setRows(data.rows);
    setSelected([]);
  }, [data.rows]);

  const toggle = (id: string) =>
    setSelected((current) =>
      current.includes(id) ? current.filter((s) => s !== id) : [...current, id],
    );
  const pageEnd = start + rows.length;

  return (
    <AppPage
      title={t("collections.order.title", { collection: collection.title })}
      backUrl="/app/collections"
    >
      <BlockStack gap="400">
        {!editable ? (
          <Banner tone="critical">
            {t("collections.order.refused.notManual", { collection: collection.title })}
          </Banner>
        ) : (
          <Text as="p" tone="subdued">
            {t("collections.order.help")}
          </Text>
        )}
        {actionData?.error ? (
          <Banner tone="critical">
            <span id="order-error">{t(actionData.error.key, actionData.error.vars)}</span>
          </Banner>
        ) : null}

        {moving ? (
          <Card>
            <Form method="post">
              <BlockStack gap="200">
                <input type="hidden" name="intent" value="move" />
                <input type="hidden" name="productId" value={moving.id} />
                <TextField
                  label={t("collections.order.moveToLabel", {
                    title: moving.title,
                    count: n(collection.productsCount),
                  })}
                  name="position"
                  type="number"
                  min={1}
                  value={position}
                  onChange={setPosition}
                  autoComplete="off"
                  autoFocus
                />
                <InlineStack gap="200">
                  <Button submit variant="primary" loading={busy}>
                    {t("collections.order.moveToSubmit")}
                  </Button>
                  <Button onClick={() => setMoving(null)}>{t("collections.order.cancel")}</Button>
                </InlineStack>
              </BlockStack>
            </Form>
          </Card>
        ) : null}

        <Card>
          <BlockStack gap="200">
            <Form method="get">
              <InlineStack gap="200" blockAlign="end">
                <div style={{ flexGrow: 1 }}>
                  <TextField
                    label={t("collections.order.search")}
                    name="q"
                    value={query}
                    onChange={setQuery}
                    autoComplete="off"
                  />
                </div>
                <Button submit>{t("collections.order.searchSubmit")}</Button>
              </InlineStack>
            </Form>
            {results && results.length === 0 ? (
              <Text as="p" tone="subdued">
                {t("collections.order.noResults", { query: data.query })}
              </Text>
            ) : null}
            {results?.map((product) => (
              <InlineStack key={product.id} gap="200" align="space-between" blockAlign="center">
                <Text as="span">{product.title}</Text>
                <Button
                  disabled={!editable}
                  onClick={() => setMoving({ id: product.id, title: product.title, status: "" })}
                >
                  {t("collections.order.moveTo")}
                </Button>
              </InlineStack>
            ))}
          </BlockStack>
        </Card>

        <Card>
          <BlockStack gap="300">
            <InlineStack align="space-between" blockAlign="center">
              <Text as="h2" variant="headingMd">
                {rows.length === 0
                  ? t("collections.order.empty")
                  : t("collections.order.showing", {
                      from: n(start + 1),
                      to: n(pageEnd),
                      total: n(collection.productsCount),
                    })}
              </Text>
              <Form method="post">
                <input type="hidden" name="intent" value="pin" />
                {selected.map((id) => (
                  <input key={id} type="hidden" name="productId" value={id} />
                ))}
                <Button submit disabled={!editable || selected.length === 0} loading={busy}>
                  {t("collections.order.pin", { count: n(selected.length) })}
                </Button>
              </Form>
            </InlineStack>
            {selected.length > 0 ? (
              <Text as="p" tone="subdued">
                {t("collections.order.pinHelp")}
              </Text>
            ) : null}
            <OrderList
              rows={rows}
              start={start}
              editable={editable && !busy}
              selected={selected}
              onChange={setRows}
              onToggle={toggle}
              onMoveTo={(row) => {
                setPosition(String(start + rows.indexOf(row) + 1));
                setMoving(row);
              }}
            />
            {changed ? (
              <Banner tone="info">
                <Form method="post">
                  <input type="hidden" name="intent" value="arrange" />
                  <input type="hidden" name="start" value={start} />
                  {rows.map((row) => (
                    <input key={row.id} type="hidden" name="productId" value={row.id} />
                  ))}
                  <InlineStack gap="200" blockAlign="center">
                    <Text as="span">{t("collections.order.unsaved")}</Text>
                    <Button submit variant="primary" loading={busy}>
                      {t("collections.order.save")}
                    </Button>
                    <Button onClick={() => setRows(data.rows)}>
                      {t("collections.order.reset")}
                    </Button>
                  </InlineStack>
                </Form>
              </Banner>
            ) : null}
            <InlineStack gap="200">
              {start > 0 ? (
                <Button url={`?${new URLSearchParams({ q: searchParams.get("q") ?? "" })}`}>
                  {t("collections.order.first")}
                </Button>
              ) : null}
              {next ? (
                <Button
                  url={`?${new URLSearchParams({ after: next.after, start: String(next.start) })}`}
                >
                  {t("collections.order.next")}
                </Button>
              ) : null}
            </InlineStack>
          </BlockStack>
        </Card>
      </BlockStack>
    </AppPage>
  );
}
