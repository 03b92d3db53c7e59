import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, redirect, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  ChoiceList,
  FormLayout,
  InlineStack,
  List,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { AppPage, useBridge } from "../components/bridge";
import { ChosenCollectionsCard } from "../features/collections/components/ChosenCollectionsCard";
import { useI18n } from "../components/I18nProvider";
import type { PickedResource } from "../components/ProductPickerModal";
import {
  chosenCollections,
  CollectionNotFoundError,
} from "../features/collections/membership.server";
import { startMembershipPlanning } from "../features/collections/plan-job.server";
import {
  collectionGid,
  fieldErrors,
  membershipRequestFromForm,
  membershipRequestSchema,
} from "../features/collections/membership-request";
import { requireShop } from "../shopify/admin.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { gateway } = await requireShop(request);
  const ids = z
    .array(collectionGid)
    .max(50)
    .safeParse(new URL(request.url).searchParams.getAll("collection"));
  return { collections: ids.success ? await chosenCollections(gateway, ids.data) : [] };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, gateway, actor } = await requireShop(request);
  const parsed = membershipRequestSchema.safeParse(
    membershipRequestFromForm(await request.formData()),
  );
  if (!parsed.success) {
    return Response.json({ errors: fieldErrors(parsed.error.issues) }, { status: 400 });
  }
  try {
    // Small plans are made now; large ones by a job whose progress the planning page shows.
    const started = await startMembershipPlanning(gateway, shop, actor, parsed.data);
    return redirect(
      started.status === "planned"
        ? `/app/collections/changes/${started.changeId}`
        : `/app/collections/planning/${started.taskId}`,
    );
  } catch (error) {
    if (error instanceof CollectionNotFoundError) {
      return Response.json(
        { errors: { collectionIds: `${error.collectionId} does not exist` } },
        { status: 404 },
      );
    }
    throw error;
  }
};

const TEXT_FILTERS = ["tag", "vendor", "productType", "title"] as const;
const RANGE_FILTERS = [
  ["priceMin", "priceMax"],
  ["inventoryMin", "inventoryMax"],
  ["createdFrom", "createdTo"],
] as const;

export default function MembershipChange() {
  const { collections } = useLoaderData<typeof loader>();
  const result = useActionData<{ errors: Record<string, string> }>();
  const errors = result?.errors ?? {};
  const { t, n } = useI18n();
  const bridge = useBridge();
  const navigation = useNavigation();
  const [operation, setOperation] = useState("add");
  const [mode, setMode] = useState("filter");
  const [statuses, setStatuses] = useState<string[]>(["ACTIVE"]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [picked, setPicked] = useState<PickedResource[]>([]);
  const set = (name: string) => (value: string) => setValues((v) => ({ ...v, [name]: value }));

  if (collections.length === 0) {
    return (
      <AppPage title={t("collections.membership.title")} backUrl="/app/collections">
        <Banner tone="warning">{t("collections.membership.noCollections")}</Banner>
      </AppPage>
    );
  }

  return (
    <AppPage title={t("collections.membership.title")} backUrl="/app/collections">
      <Form method="post">
        {collections.map((c) => (
          <input key={c.id} type="hidden" name="collection" value={c.id} />
        ))}
        <input type="hidden" name="operation" value={operation} />
        <input type="hidden" name="mode" value={mode} />
        {statuses.map((s) => (
          <input key={s} type="hidden" name="status" value={s} />
        ))}
        {mode === "pick"
          ? picked.map((p) => <input key={p.id} type="hidden" name="productId" value={p.id} />)
          : null}
        <BlockStack gap="400">
          {Object.keys(errors).length > 0 ? (
            <Banner tone="critical">
              <List>
                {Object.entries(errors).map(([field, message]) => (
                  <List.Item key={field}>{`${field}: ${message}`}</List.Item>
                ))}
              </List>
            </Banner>
          ) : null}
          <ChosenCollectionsCard
            title={t("collections.membership.collections", { count: n(collections.length) })}
            collections={collections}
          />
          <Card>
            <ChoiceList
              title={t("collections.membership.operation")}
              choices={[
                { label: t("collections.membership.operation.add"), value: "add" },
                { label: t("collections.membership.operation.remove"), value: "remove" },
              ]}
              selected={[operation]}
              onChange={([value]) => setOperation(value ?? "add")}
            />
          </Card>
          <Card>
            <BlockStack gap="300">
              <ChoiceList
                title={t("collections.membership.by")}
                choices={[
                  { label: t("collections.membership.by.filter"), value: "filter" },
                  { label: t("collections.membership.by.pick"), value: "pick" },
                ]}
                selected={[mode]}
                onChange={([value]) => setMode(value ?? "filter")}
              />
              {mode === "filter" ? (
                <FormLayout>
                  <FormLayout.Group>
                    {TEXT_FILTERS.map((name) => (
                      <TextField
                        key={name}
                        label={t(`collections.filter.${name}`)}
                        name={name}
                        value={values[name] ?? ""}
                        onChange={set(name)}
                        error={errors[name]}
                        autoComplete="off"
                      />
                    ))}
                  </FormLayout.Group>
                  {RANGE_FILTERS.map(([from, to]) => (
                    <FormLayout.Group key={from}>
                      {[from, to].map((name) => (
                        <TextField
                          key={name}
                          label={t(`collections.filter.${name}`)}
                          name={name}
                          type={name.startsWith("created") ? "date" : "text"}
                          value={values[name] ?? ""}
                          onChange={set(name)}
                          error={errors[name]}
                          autoComplete="off"
                        />
                      ))}
                    </FormLayout.Group>
                  ))}
                  <ChoiceList
                    title={t("collections.filter.status")}
                    allowMultiple
                    choices={(["ACTIVE", "DRAFT", "ARCHIVED"] as const).map((s) => ({
                      label: t(`collections.filter.status.${s}`),
                      value: s,
                    }))}
                    selected={statuses}
                    onChange={setStatuses}
                  />
                </FormLayout>
              ) : (
                <InlineStack gap="300" blockAlign="center">
                  <Button
                    onClick={async () => {
                      const selection = await bridge.pickProducts({ multiple: true });
                      if (selection) setPicked(selection);
                    }}
                  >
                    {t("collections.membership.pick")}
                  </Button>
                  <Text as="span">
                    {t("collections.membership.picked", { count: n(picked.length) })}
                  </Text>
                </InlineStack>
              )}
            </BlockStack>
          </Card>
          <InlineStack align="end">
            <Button submit variant="primary" loading={navigation.state !== "idle"}>
              {t("collections.membership.plan")}
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </AppPage>
  );
}
