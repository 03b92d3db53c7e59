import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Button,
  Card,
  ChoiceList,
  Filters,
  IndexTable,
  InlineStack,
  Link,
  Text,
  useIndexResourceState,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { AppPage } from "../components/bridge";
import { useI18n } from "../components/I18nProvider";
import { browseParamsSchema } from "../features/collections/browse";
import { browseCollections } from "../features/collections/browse.server";
import { requireShop } from "../shopify/admin.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { gateway } = await requireShop(request);
  const parsed = browseParamsSchema.safeParse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  const params = parsed.success ? parsed.data : browseParamsSchema.parse({});
  return { ...(await browseCollections(gateway, params)), params };
};

const KIND_TONES = {
  manual: undefined,
  conditions: "info",
  subcollections: "attention",
  mixed: "attention",
  empty: undefined,
} as const;

/**
 * Downloads a CSV through fetch (embedded, App Bridge adds the session token to it), then saves
 * the blob: a plain link would reach the app without the merchant's session.
 */
async function download(url: string) {
  const response = await fetch(url);
  if (!response.ok) return;
  const name =
    /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ??
    "collections.csv";
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = href;
  link.download = name;
  link.click();
  URL.revokeObjectURL(href);
}

export default function CollectionsList() {
  const { rows, pageInfo, total, params } = useLoaderData<typeof loader>();
  const { t, n } = useI18n();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const [query, setQuery] = useState(params.q);
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } =
    useIndexResourceState(rows);

  // Debounced search: the URL is the state, so reloads and back/forward keep it.
  useEffect(() => {
    if (query === params.q) return;
    const handle = setTimeout(() => update({ q: query }), 300);
    return () => clearTimeout(handle);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);

  function update(patch: Record<string, string | undefined>) {
    const next = new URLSearchParams(searchParams);
    next.delete("after");
    next.delete("before");
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === "" || value === "all") next.delete(key);
      else next.set(key, value);
    }
    clearSelection();
    setSearchParams(next);
  }

  function page(cursor: { after?: string | null; before?: string | null }) {
    const next = new URLSearchParams(searchParams);
    next.delete("after");
    next.delete("before");
    if (cursor.after) next.set("after", cursor.after);
    if (cursor.before) next.set("before", cursor.before);
    clearSelection();
    setSearchParams(next);
  }

  const selectedIds = allResourcesSelected ? rows.map((row) => row.id) : selectedResources;
  const withIds = (path: string) =>
    `${path}?${selectedIds.map((id) => `collection=${encodeURIComponent(id)}`).join("&")}`;

  const filters = [
    {
      key: "kind",
      label: t("collections.list.filter.kind"),
      filter: (
        <ChoiceList
          title={t("collections.list.filter.kind")}
          titleHidden
          choices={[
            { label: t("collections.list.filter.all"), value: "all" },
            { label: t("collections.kind.manual"), value: "manual" },
            { label: t("collections.kind.conditions"), value: "conditions" },
          ]}
          selected={[params.kind]}
          onChange={([value]) => update({ kind: value })}
        />
      ),
      shortcut: true,
    },
    {
      key: "published",
      label: t("collections.list.filter.published"),
      filter: (
        <ChoiceList
          title={t("collections.list.filter.published")}
          titleHidden
          choices={[
            { label: t("collections.list.filter.all"), value: "all" },
            { label: t("collections.published"), value: "published" },
            { label: t("collections.unpublished"), value: "unpublished" },
          ]}
          selected={[params.published]}
          onChange={([value]) => update({ published: value })}
        />
      ),
      shortcut: true,
    },
  ];
  const appliedFilters = [
    ...(params.kind !== "all"
      ? [
          {
            key: "kind",
            label: t(`collections.kind.${params.kind}`),
            onRemove: () => update({ kind: undefined }),
          },
        ]
      : []),
    ...(params.published !== "all"
      ? [
          {
            key: "published",
            label: t(`collections.${params.published}`),
            onRemove: () => update({ published: undefined }),
          },
        ]
      : []),
  ];

  return (
    <AppPage title={t("collections.title")}>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="p" variant="headingMd" id="collections-count">
            {t(total.exact ? "collections.count" : "collections.countAtLeast", {
              count: n(total.count),
            })}
          </Text>
          <InlineStack gap="200">
            <Button url="/app/collections/history">{t("collections.history.title")}</Button>
            <Button onClick={() => void download("/app/collections/export")}>
              {t("collections.export.all")}
            </Button>
            <Button url="/app/collections/import" variant="primary">
              {t("collections.import.title")}
            </Button>
          </InlineStack>
        </InlineStack>
        <Card padding="0">
          <Filters
            queryValue={query}
            queryPlaceholder={t("collections.list.search")}
            onQueryChange={setQuery}
            onQueryClear={() => setQuery("")}
            filters={filters}
            appliedFilters={appliedFilters}
            onClearAll={() => {
              setQuery("");
              update({ q: undefined, kind: undefined, published: undefined });
            }}
          />
          <IndexTable
            resourceName={{
              singular: t("collections.list.singular"),
              plural: t("collections.list.plural"),
            }}
            itemCount={rows.length}
            selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
            onSelectionChange={handleSelectionChange}
            promotedBulkActions={[
              {
                content: t("collections.membership.add"),
                onAction: () => navigate(withIds("/app/collections/membership")),
              },
              {
                content: t("collections.edit.open"),
                onAction: () => navigate(withIds("/app/collections/edit")),
              },
              {
                content: t("collections.export.selected"),
                onAction: () => void download(withIds("/app/collections/export")),
              },
            ]}
            sortable={[true, false, false, false, false, false, true]}
            sortColumnIndex={params.sort === "title" ? 0 : 6}
            sortDirection={params.direction === "asc" ? "ascending" : "descending"}
            onSort={(index, direction) =>
              update({
                sort: index === 0 ? "title" : "updated",
                direction: direction === "ascending" ? "asc" : "desc",
              })
            }
            headings={[
              { title: t("collections.field.title") },
              { title: t("collections.field.handle") },
              { title: t("collections.field.kind") },
              { title: t("collections.field.products"), alignment: "end" },
              { title: t("collections.field.sortOrder") },
              { title: t("collections.field.published") },
              { title: t("collections.field.updated") },
            ]}
            pagination={{
              hasNext: pageInfo.hasNextPage,
              hasPrevious: pageInfo.hasPreviousPage,
              onNext: () => page({ after: pageInfo.endCursor }),
              onPrevious: () => page({ before: pageInfo.startCursor }),
            }}
          >
            {rows.map((row, index) => (
              <IndexTable.Row
                id={row.id}
                key={row.id}
                position={index}
                selected={selectedResources.includes(row.id)}
              >
                <IndexTable.Cell>
                  <Text as="span" fontWeight="semibold">
                    {row.title}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>{row.handle}</IndexTable.Cell>
                <IndexTable.Cell>
                  <Badge tone={KIND_TONES[row.kind]}>{t(`collections.kind.${row.kind}`)}</Badge>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" alignment="end" numeric>
                    {n(row.productsCount)}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  {t(`collections.sortOrder.${row.sortOrder}`)}
                  {row.sortOrder === "MANUAL" ? (
                    // Its own link: a click here opens the order page instead of selecting the row.
                    <span onClick={(event) => event.stopPropagation()}>
                      {" · "}
                      <Link url={`/app/collections/${row.id.split("/").pop()}/order`}>
                        {t("collections.order.link")}
                      </Link>
                    </span>
                  ) : null}
                </IndexTable.Cell>
                <IndexTable.Cell>
                  {row.published ? (
                    <Badge tone="success">
                      {t("collections.publishedOn", { count: n(row.publicationCount) })}
                    </Badge>
                  ) : (
                    <Badge>{t("collections.unpublished")}</Badge>
                  )}
                </IndexTable.Cell>
                <IndexTable.Cell>{new Date(row.updatedAt).toLocaleDateString()}</IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        </Card>
        <Text as="p" tone="subdued">
          <Link url="/app/collections/history">{t("collections.history.link")}</Link>
        </Text>
      </BlockStack>
    </AppPage>
  );
}
