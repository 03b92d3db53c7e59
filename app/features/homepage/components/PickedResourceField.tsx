import { BlockStack, Button, InlineError, InlineStack, Text, Thumbnail } from "@shopify/polaris";
import { ImageIcon } from "@shopify/polaris-icons";
import { useBridge, type PickedItem } from "../../../components/bridge";
import { useI18n } from "../../../components/I18nProvider";

export type Picked = PickedItem & { kind?: "product" | "collection" };

/**
 * A form field whose value is one product or collection chosen with the resource picker (App
 * Bridge's in the admin, the in-app one in the standalone demo): shows its title and image, posts
 * its id in a hidden input named `name`.
 */
export function PickedResourceField(props: {
  label: string;
  name: string;
  value: Picked | null;
  onChange(value: Picked | null): void;
  pickers: { kind: "product" | "collection"; label: string }[];
  error?: string;
  emptyText?: string;
  id: string;
}) {
  const { t } = useI18n();
  const bridge = useBridge();
  const pick = async (kind: "product" | "collection") => {
    const picked =
      kind === "product"
        ? await bridge.pickProducts({ multiple: false })
        : await bridge.pickCollections({ multiple: false });
    const first = picked?.[0];
    if (first) props.onChange({ ...first, kind });
  };
  return (
    <BlockStack gap="200">
      <input type="hidden" name={props.name} value={props.value?.id ?? ""} />
      <Text as="span">{props.label}</Text>
      {props.value ? (
        <InlineStack gap="300" blockAlign="center" wrap={false}>
          <Thumbnail source={props.value.imageUrl ?? ImageIcon} alt="" size="small" />
          <span id={`${props.id}-title`}>
            <Text as="span" fontWeight="semibold">
              {props.value.title}
            </Text>
          </span>
          <Button variant="plain" onClick={() => props.onChange(null)}>
            {t("homepage.picker.remove")}
          </Button>
        </InlineStack>
      ) : props.emptyText ? (
        <Text as="p" tone="subdued">
          {props.emptyText}
        </Text>
      ) : null}
      <InlineStack gap="200">
        {props.pickers.map((picker) => (
          <Button
            key={picker.kind}
            onClick={() => void pick(picker.kind)}
            id={`${props.id}-pick-${picker.kind}`}
          >
            {picker.label}
          </Button>
        ))}
      </InlineStack>
      {props.error ? <InlineError message={props.error} fieldID={props.id} /> : null}
    </BlockStack>
  );
}
