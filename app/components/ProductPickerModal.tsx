import { useFetcher } from "@remix-run/react";
import { Modal, ResourceItem, ResourceList, Text, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { useI18n } from "./I18nProvider";

export interface PickedResource {
  id: string;
  title: string;
}

interface ProductSearch {
  products: PickedResource[];
}

/** The standalone demo's stand-in for App Bridge's resource picker (products). */
export function ProductPickerModal({
  multiple,
  onClose,
}: {
  multiple: boolean;
  onClose(value: PickedResource[] | undefined): void;
}) {
  const { t } = useI18n();
  const fetcher = useFetcher<ProductSearch>();
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState<string[]>([]);
  const { load } = fetcher;

  useEffect(() => {
    const handle = setTimeout(() => load(`/app/resources?query=${encodeURIComponent(query)}`), 250);
    return () => clearTimeout(handle);
  }, [query, load]);

  const products = fetcher.data?.products ?? [];
  return (
    <Modal
      open
      title={t("picker.title")}
      onClose={() => onClose(undefined)}
      primaryAction={{
        content: t("picker.select"),
        disabled: selected.length === 0,
        onAction: () => onClose(products.filter((p) => selected.includes(p.id))),
      }}
      secondaryActions={[{ content: t("picker.cancel"), onAction: () => onClose(undefined) }]}
    >
      <Modal.Section>
        <TextField
          label={t("picker.search")}
          labelHidden
          placeholder={t("picker.search")}
          value={query}
          onChange={setQuery}
          autoComplete="off"
        />
      </Modal.Section>
      <ResourceList
        items={products}
        loading={fetcher.state !== "idle"}
        selectable
        selectedItems={selected}
        onSelectionChange={(value) =>
          setSelected(
            value === "All" ? products.map((p) => p.id) : multiple ? value : value.slice(-1),
          )
        }
        emptyState={<Text as="p">{t("picker.empty")}</Text>}
        renderItem={(item) => (
          <ResourceItem id={item.id} onClick={() => undefined}>
            <Text as="span">{item.title}</Text>
          </ResourceItem>
        )}
      />
    </Modal>
  );
}
