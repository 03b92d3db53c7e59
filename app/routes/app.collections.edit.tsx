import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, redirect, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  FormLayout,
  InlineStack,
  List,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { AppPage } from "../components/bridge";
import { ChosenCollectionsCard } from "../features/collections/components/ChosenCollectionsCard";
import { useI18n } from "../components/I18nProvider";
import { listChannels, planEditChange } from "../features/collections/edit.server";
import type { CONDITION_COLUMNS } from "../features/collections/edit-request";
import {
  editFieldErrors,
  editRequestFromForm,
  editRequestSchema,
  RELATIONS,
  SORT_ORDERS,
} from "../features/collections/edit-request";
import {
  chosenCollections,
  CollectionNotFoundError,
} from "../features/collections/membership.server";
import {
  collectionGid,
  MAX_COLLECTIONS_PER_CHANGE,
} from "../features/collections/membership-request";
import { isMessageKey } from "../i18n";
import { requireShop } from "../shopify/admin.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { gateway } = await requireShop(request);
  const ids = z
    .array(collectionGid)
    .max(MAX_COLLECTIONS_PER_CHANGE)
    .safeParse(new URL(request.url).searchParams.getAll("collection"));
  const [collections, channels] = await Promise.all([
    ids.success ? chosenCollections(gateway, ids.data) : Promise.resolve([]),
    listChannels(gateway),
  ]);
  return { collections, channels };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, gateway, actor } = await requireShop(request);
  const parsed = editRequestSchema.safeParse(editRequestFromForm(await request.formData()));
  if (!parsed.success) {
    return Response.json({ errors: editFieldErrors(parsed.error.issues) }, { status: 400 });
  }
  try {
    const change = await planEditChange(gateway, shop, actor, parsed.data);
    return redirect(`/app/collections/changes/${change.id}`);
  } catch (error) {
    if (error instanceof CollectionNotFoundError) {
      return Response.json(
        { errors: { collectionIds: "collections.edit.error.notFound" } },
        { status: 404 },
      );
    }
    throw error;
  }
};

interface Row {
  action: "add" | "change" | "remove";
  side: "inclusion" | "exclusion";
  column: string;
  relation: string;
  value: string;
  toColumn: string;
  toRelation: string;
  toValue: string;
}

const NEW_ROW: Row = {
  action: "add",
  side: "inclusion",
  column: "tag",
  relation: "=",
  value: "",
  toColumn: "tag",
  toRelation: "=",
  toValue: "",
};

const RELATION_KEYS = {
  "=": "eq",
  "!=": "ne",
  contains: "contains",
  "not contains": "notContains",
  "starts with": "startsWith",
  "ends with": "endsWith",
  ">": "gt",
  "<": "lt",
  "is set": "isSet",
  "is not set": "isNotSet",
} as const;
type Relation = keyof typeof RELATION_KEYS;
type Column = (typeof CONDITION_COLUMNS)[number];

const ROW_FIELDS = [
  "action",
  "side",
  "column",
  "relation",
  "value",
  "toColumn",
  "toRelation",
  "toValue",
] as const;

export default function EditCollections() {
  const { collections, channels } = useLoaderData<typeof loader>();
  const result = useActionData<{ errors: Record<string, string> }>();
  const errors = result?.errors ?? {};
  const { t, n } = useI18n();
  const navigation = useNavigation();
  const [rows, setRows] = useState<Row[]>([]);
  const [sortOrder, setSortOrder] = useState("");
  const [channelChoice, setChannelChoice] = useState<Record<string, string>>({});
  const message = (key: string) => (isMessageKey(key) ? t(key) : key);

  if (collections.length === 0) {
    return (
      <AppPage title={t("collections.edit.title")} backUrl="/app/collections">
        <Banner tone="warning">{t("collections.edit.noCollections")}</Banner>
      </AppPage>
    );
  }

  const update = (index: number, patch: Partial<Row>) =>
    setRows((current) =>
      current.map((row, i) => {
        if (i !== index) return row;
        const next = { ...row, ...patch };
        // Keep column and relation valid for the rule (exclusions take fewer columns).
        const columns = RELATIONS[next.side];
        for (const [column, relation] of [
          ["column", "relation"],
          ["toColumn", "toRelation"],
        ] as const) {
          if (!columns[next[column]]) next[column] = "tag";
          if (!columns[next[column]]!.includes(next[relation])) {
            next[relation] = columns[next[column]]![0]!;
          }
        }
        return next;
      }),
    );

  const columnOptions = (side: Row["side"]) =>
    Object.keys(RELATIONS[side]).map((column) => ({
      label: t(`collections.edit.column.${column as Column}`),
      value: column,
    }));
  const relationOptions = (side: Row["side"], column: string) =>
    (RELATIONS[side][column] ?? []).map((relation) => ({
      label: t(`collections.edit.relation.${RELATION_KEYS[relation as Relation]}`),
      value: relation,
    }));
  const rowError = (index: number) => errors[`conditions.${index}`];
  const toError = (index: number) => errors[`conditions.${index}.to`];
  const otherErrors = Object.entries(errors).filter(([key]) => !key.startsWith("conditions."));

  return (
    <AppPage title={t("collections.edit.title")} backUrl="/app/collections">
      <Form method="post">
        {collections.map((c) => (
          <input key={c.id} type="hidden" name="collection" value={c.id} />
        ))}
        {rows.flatMap((row, index) =>
          ROW_FIELDS.map((field) => (
            <input
              key={`${index}.${field}`}
              type="hidden"
              name={`condition.${index}.${field}`}
              value={row[field]}
            />
          )),
        )}
        <input type="hidden" name="sortOrder" value={sortOrder} />
        {Object.entries(channelChoice).map(([id, choice]) =>
          choice === "keep" ? null : (
            <input key={id} type="hidden" name={`channel.${id}`} value={choice} />
          ),
        )}
        <BlockStack gap="400">
          {otherErrors.length > 0 ? (
            <Banner tone="critical">
              <List>
                {otherErrors.map(([field, key]) => (
                  <List.Item key={field}>{message(key)}</List.Item>
                ))}
              </List>
            </Banner>
          ) : null}
          <ChosenCollectionsCard
            title={t("collections.edit.collections", { count: n(collections.length) })}
            collections={collections}
          />
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("collections.edit.conditions")}
              </Text>
              <Text as="p" tone="subdued">
                {t("collections.edit.conditionsHelp")}
              </Text>
              {rows.map((row, index) => {
                const presence = (relation: string) =>
                  relation === "is set" || relation === "is not set";
                return (
                  <BlockStack key={index} gap="200">
                    <FormLayout>
                      <FormLayout.Group condensed>
                        <Select
                          label={t("collections.edit.field.action")}
                          options={(["add", "change", "remove"] as const).map((action) => ({
                            label: t(`collections.edit.action.${action}`),
                            value: action,
                          }))}
                          value={row.action}
                          onChange={(value) => update(index, { action: value as Row["action"] })}
                        />
                        <Select
                          label={t("collections.edit.field.side")}
                          options={(["inclusion", "exclusion"] as const).map((side) => ({
                            label: t(`collections.edit.sideLabel.${side}`),
                            value: side,
                          }))}
                          value={row.side}
                          onChange={(value) => update(index, { side: value as Row["side"] })}
                        />
                        <Select
                          label={t("collections.edit.field.column")}
                          options={columnOptions(row.side)}
                          value={row.column}
                          onChange={(value) => update(index, { column: value })}
                        />
                        <Select
                          label={t("collections.edit.field.relation")}
                          options={relationOptions(row.side, row.column)}
                          value={row.relation}
                          onChange={(value) => update(index, { relation: value })}
                        />
                        <TextField
                          label={t("collections.edit.field.value")}
                          value={row.value}
                          disabled={presence(row.relation)}
                          onChange={(value) => update(index, { value })}
                          error={rowError(index) ? message(rowError(index)!) : undefined}
                          autoComplete="off"
                        />
                      </FormLayout.Group>
                      {row.action === "change" ? (
                        <FormLayout.Group condensed>
                          <Text as="span" variant="bodySm">
                            {t("collections.edit.field.to")}
                          </Text>
                          <Select
                            label={t("collections.edit.field.column")}
                            options={columnOptions(row.side)}
                            value={row.toColumn}
                            onChange={(value) => update(index, { toColumn: value })}
                          />
                          <Select
                            label={t("collections.edit.field.relation")}
                            options={relationOptions(row.side, row.toColumn)}
                            value={row.toRelation}
                            onChange={(value) => update(index, { toRelation: value })}
                          />
                          <TextField
                            label={t("collections.edit.field.value")}
                            value={row.toValue}
                            disabled={presence(row.toRelation)}
                            onChange={(value) => update(index, { toValue: value })}
                            error={toError(index) ? message(toError(index)!) : undefined}
                            autoComplete="off"
                          />
                        </FormLayout.Group>
                      ) : null}
                    </FormLayout>
                    <InlineStack align="end">
                      <Button
                        variant="plain"
                        tone="critical"
                        onClick={() => setRows((current) => current.filter((_, i) => i !== index))}
                      >
                        {t("collections.edit.removeRow")}
                      </Button>
                    </InlineStack>
                  </BlockStack>
                );
              })}
              <InlineStack>
                <Button onClick={() => setRows((current) => [...current, { ...NEW_ROW }])}>
                  {t("collections.edit.addRow")}
                </Button>
              </InlineStack>
            </BlockStack>
          </Card>
          <Card>
            <Select
              label={t("collections.edit.sortOrder")}
              options={[
                { label: t("collections.edit.sortOrder.keep"), value: "" },
                ...SORT_ORDERS.map((order) => ({
                  label: t(`collections.sortOrder.${order}`),
                  value: order,
                })),
              ]}
              value={sortOrder}
              onChange={setSortOrder}
            />
          </Card>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("collections.edit.channels")}
              </Text>
              <FormLayout>
                {channels.map((channel) => (
                  <Select
                    key={channel.id}
                    label={channel.name}
                    options={(["keep", "publish", "unpublish"] as const).map((choice) => ({
                      label: t(`collections.edit.channel.${choice}`),
                      value: choice,
                    }))}
                    value={channelChoice[channel.id] ?? "keep"}
                    onChange={(value) =>
                      setChannelChoice((current) => ({ ...current, [channel.id]: value }))
                    }
                  />
                ))}
              </FormLayout>
            </BlockStack>
          </Card>
          <InlineStack align="end">
            <Button submit variant="primary" loading={navigation.state !== "idle"}>
              {t("collections.edit.plan")}
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </AppPage>
  );
}
