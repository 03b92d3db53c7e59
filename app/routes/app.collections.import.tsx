import type { ActionFunctionArgs } from "@remix-run/node";
import { Form, redirect, useActionData, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  DropZone,
  InlineStack,
  List,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { AppPage } from "../components/bridge";
import { useI18n } from "../components/I18nProvider";
import type { RowError } from "../features/collections/csv-import";
import { MAX_CSV_BYTES, planCsvCreate } from "../features/collections/import.server";
import { requireShop } from "../shopify/admin.server";

const form = z.object({ csv: z.string().min(1, "empty").max(MAX_CSV_BYTES, "too large") });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, gateway, actor } = await requireShop(request);
  const parsed = form.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return Response.json({ error: parsed.error.issues[0]?.message ?? "empty" }, { status: 400 });
  }
  const result = await planCsvCreate(gateway, shop, actor, parsed.data.csv);
  if (result.status === "planned") return redirect(`/app/collections/changes/${result.changeId}`);
  return Response.json({ rowErrors: result.rowErrors }, { status: 422 });
};

export default function ImportCollections() {
  const { t } = useI18n();
  const result = useActionData<{ error?: string; rowErrors?: RowError[] }>();
  const navigation = useNavigation();
  const [csv, setCsv] = useState("");

  async function readFile(files: File[]) {
    const file = files[0];
    if (file) setCsv(await file.text());
  }

  return (
    <AppPage title={t("collections.import.title")} backUrl="/app/collections">
      <Form method="post">
        <BlockStack gap="400">
          {result?.error ? <Banner tone="critical">{t("collections.import.empty")}</Banner> : null}
          {result?.rowErrors ? (
            <Banner tone="critical" title={t("collections.import.noValidRows")}>
              <List>
                {result.rowErrors.map((error) => (
                  <List.Item key={error.row}>
                    {`${t("collections.import.row", { row: error.row })}: ${error.errors.join("; ")}`}
                  </List.Item>
                ))}
              </List>
            </Banner>
          ) : null}
          <Card>
            <BlockStack gap="300">
              <Text as="p">{t("collections.import.help")}</Text>
              <DropZone
                label={t("collections.import.file")}
                accept=".csv,text/csv"
                allowMultiple={false}
                onDrop={(files) => void readFile(files)}
              >
                <DropZone.FileUpload />
              </DropZone>
              <TextField
                label={t("collections.import.orPaste")}
                name="csv"
                value={csv}
                onChange={setCsv}
                multiline={8}
                autoComplete="off"
                monospaced
              />
            </BlockStack>
          </Card>
          <InlineStack align="end">
            <Button
              submit
              variant="primary"
              disabled={csv.trim() === ""}
              loading={navigation.state !== "idle"}
            >
              {t("collections.import.plan")}
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </AppPage>
  );
}
