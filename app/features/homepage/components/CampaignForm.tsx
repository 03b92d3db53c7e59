import { Form, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  FormLayout,
  InlineStack,
  List,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { useI18n } from "../../../components/I18nProvider";
import type { MessageKey } from "../../../i18n";
import type { FieldErrors } from "../campaign-input";
import { dstNoteFor, type DstField } from "../dst-notice";
import { DstNoticeText } from "./DstNoticeText";
import { PickedResourceField, type Picked } from "./PickedResourceField";
import type { CampaignView } from "../overview.server";

export interface FormErrors {
  errors?: FieldErrors;
  overlaps?: { id: string; name: string }[];
}

type Values = Pick<
  CampaignView,
  | "name"
  | "mode"
  | "startsLocal"
  | "endsLocal"
  | "notes"
  | "heading"
  | "text"
  | "buttonLabel"
  | "buttonLink"
  | "imageUrl"
  | "collectionId"
  | "sourceThemeId"
>;

export const EMPTY_CAMPAIGN: Values = {
  name: "",
  mode: "APP_BLOCK",
  startsLocal: "",
  endsLocal: "",
  notes: "",
  heading: "",
  text: "",
  buttonLabel: "",
  buttonLink: "",
  imageUrl: "",
  collectionId: "",
  sourceThemeId: "",
};

/** The campaign editor: schedule, what the home page shows, notes. Posts intent=save. */
export function CampaignForm(props: {
  initial: Values;
  zone: string;
  themes: { id: string; name: string; role: string }[];
  /** The featured collection as saved (title and image). */
  collection?: Picked | null;
  result?: FormErrors;
}) {
  const { t } = useI18n();
  const [v, setV] = useState<Values>(props.initial);
  const [collection, setCollection] = useState<Picked | null>(props.collection ?? null);
  const [buttonTarget, setButtonTarget] = useState<Picked | null>(null);
  const [confirmOverlap, setConfirmOverlap] = useState(true);
  const saving = useNavigation().state === "submitting";
  const errors = props.result?.errors ?? {};
  const set = (key: keyof Values) => (value: string) => setV((cur) => ({ ...cur, [key]: value }));
  const err = (field: string) => {
    const error = errors[field];
    return error ? t(error.key, error.vars) : undefined;
  };
  // A time typed on a daylight-saving night: say how it will be read before it is saved.
  const timeHelp = (field: DstField, value: string, help: string) => {
    const note = dstNoteFor(field, value, props.zone);
    return note ? (
      <BlockStack gap="100">
        <span>{help}</span>
        <span id={`dst-${field}`}>
          <DstNoticeText note={note} zone={props.zone} />
        </span>
      </BlockStack>
    ) : (
      help
    );
  };
  return (
    <Form method="post" id="campaign-form">
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="mode" value={v.mode} />
      <BlockStack gap="400">
        {errors.form ? <Banner tone="critical">{err("form")}</Banner> : null}
        {props.result?.overlaps?.length ? (
          <Banner tone="warning" title={t("homepage.overlapTitle")}>
            <List>
              {props.result.overlaps.map((o) => (
                <List.Item key={o.id}>{o.name}</List.Item>
              ))}
            </List>
            <Checkbox
              label={t("homepage.overlapConfirm")}
              name="confirmOverlap"
              // Without a value Polaris renders value="", which posts as "not confirmed".
              value="true"
              checked={confirmOverlap}
              onChange={(checked) => setConfirmOverlap(checked)}
            />
          </Banner>
        ) : null}
        <Card>
          <FormLayout>
            <TextField
              label={t("homepage.field.name")}
              name="name"
              value={v.name}
              onChange={set("name")}
              error={err("name")}
              autoComplete="off"
            />
            <FormLayout.Group>
              <TextField
                label={t("homepage.field.startsAt")}
                type="datetime-local"
                name="startsAt"
                value={v.startsLocal}
                onChange={set("startsLocal")}
                error={err("startsAt")}
                helpText={timeHelp(
                  "startsAt",
                  v.startsLocal,
                  t("homepage.zoneHelp", { zone: props.zone }),
                )}
                autoComplete="off"
              />
              <TextField
                label={t("homepage.field.endsAt")}
                type="datetime-local"
                name="endsAt"
                value={v.endsLocal}
                onChange={set("endsLocal")}
                error={err("endsAt")}
                helpText={timeHelp("endsAt", v.endsLocal, t("homepage.endHelp"))}
                autoComplete="off"
              />
            </FormLayout.Group>
            <Select
              label={t("homepage.field.mode")}
              options={[
                { label: t("homepage.mode.APP_BLOCK"), value: "APP_BLOCK" },
                { label: t("homepage.mode.TEMPLATE"), value: "TEMPLATE" },
              ]}
              value={v.mode}
              onChange={(value) => setV((cur) => ({ ...cur, mode: value as Values["mode"] }))}
              error={err("mode")}
            />
          </FormLayout>
        </Card>
        <Card>
          {v.mode === "APP_BLOCK" ? (
            <FormLayout>
              <Text as="h2" variant="headingSm">
                {t("homepage.contentTitle")}
              </Text>
              <TextField
                label={t("homepage.field.heading")}
                name="heading"
                value={v.heading}
                onChange={set("heading")}
                error={err("heading")}
                autoComplete="off"
              />
              <TextField
                label={t("homepage.field.text")}
                name="text"
                value={v.text}
                onChange={set("text")}
                error={err("text")}
                multiline={3}
                autoComplete="off"
              />
              <FormLayout.Group>
                <TextField
                  label={t("homepage.field.buttonLabel")}
                  name="buttonLabel"
                  value={v.buttonLabel}
                  onChange={set("buttonLabel")}
                  error={err("buttonLabel")}
                  autoComplete="off"
                />
                <TextField
                  label={t("homepage.field.buttonLink")}
                  name="buttonLink"
                  value={v.buttonLink}
                  onChange={(value) => {
                    // A typed link replaces the picked target.
                    setButtonTarget(null);
                    set("buttonLink")(value);
                  }}
                  error={err("buttonLink")}
                  placeholder="/collections/black-friday"
                  autoComplete="off"
                />
              </FormLayout.Group>
              <PickedResourceField
                label={t("homepage.field.buttonTarget")}
                name="buttonTargetId"
                value={buttonTarget}
                error={err("buttonTargetId")}
                pickers={[
                  { kind: "product", label: t("homepage.picker.linkProduct") },
                  { kind: "collection", label: t("homepage.picker.linkCollection") },
                ]}
                onChange={(picked) => {
                  setButtonTarget(picked);
                  if (picked?.handle) {
                    const kind = picked.kind === "product" ? "products" : "collections";
                    set("buttonLink")(`/${kind}/${picked.handle}`);
                  }
                }}
                id="button-target"
              />
              <TextField
                label={t("homepage.field.imageUrl")}
                name="imageUrl"
                value={v.imageUrl}
                onChange={set("imageUrl")}
                error={err("imageUrl")}
                autoComplete="off"
              />
              <PickedResourceField
                label={t("homepage.field.collection")}
                name="collectionId"
                value={collection}
                error={err("collectionId")}
                emptyText={t("homepage.picker.noCollection")}
                pickers={[{ kind: "collection", label: t("homepage.picker.chooseCollection") }]}
                onChange={setCollection}
                id="campaign-collection"
              />
            </FormLayout>
          ) : (
            <FormLayout>
              <Text as="p">{t("homepage.templateHelp")}</Text>
              <Select
                label={t("homepage.field.sourceThemeId")}
                name="sourceThemeId"
                options={[
                  { label: "—", value: "" },
                  ...props.themes.map((th) => ({ label: `${th.name} (${th.role})`, value: th.id })),
                ]}
                value={v.sourceThemeId}
                onChange={set("sourceThemeId")}
                error={err("sourceThemeId")}
              />
            </FormLayout>
          )}
        </Card>
        <Card>
          <TextField
            label={t("homepage.field.notes")}
            name="notes"
            value={v.notes}
            onChange={set("notes")}
            error={err("notes")}
            multiline={2}
            autoComplete="off"
          />
        </Card>
        <InlineStack align="end">
          <Button submit variant="primary" loading={saving} id="save-campaign">
            {t("homepage.save")}
          </Button>
        </InlineStack>
      </BlockStack>
    </Form>
  );
}

export function useWarningText() {
  const { t } = useI18n();
  return (w: { code: string; subject: string }) =>
    t(`homepage.warning.${w.code}` as MessageKey, { subject: w.subject });
}
