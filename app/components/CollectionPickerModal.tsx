import { useFetcher } from "@remix-run/react";
import { Modal, ResourceItem, ResourceList, Text, TextField, Thumbnail } from "@shopify/polaris";
import { ImageIcon } from "@shopify/polaris-icons";
import { useEffect, useState } from "react";
import { useI18n } from "./I18nProvider";
import type { PickedItem } from "./bridge";

interface CollectionSearch {
  collections: PickedItem[];
}

/** The standalone demo's stand-in for App Bridge's resource picker (collections). */
export function CollectionPickerModal({
  multiple,
  onClose,
}: {
  multiple: boolean;
  onClose(value: PickedItem[] | undefined): void;
}) {
  const { t } = useI18n();
  const fetcher = useFetcher<CollectionSearch>();
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState<string[]>([]);
  const { load } = fetcher;

  useEffect(() => {
    const handle = setTimeout(
      () => load(`/app/resources?type=collection&query=${encodeURIComponent(query)}`),
      250,
    );
    return () => clearTimeout(handle);
  }, [query, load]);

  const collections = fetcher.data?.collections ?? [];
  return (
    <Modal
      open
      title={t("homepage.picker.collectionsTitle")}
      onClose={() => onClose(undefined)}
      primaryAction={{
        content: t("picker.select"),
        disabled: selected.length === 0,
        onAction: () => onClose(collections.filter((c) => selected.includes(c.id))),
      }}
      secondaryActions={[{ content: t("picker.cancel"), onAction: () => onClose(undefined) }]}
    >
      <Modal.Section>
        <TextField
          label={t("homepage.picker.searchCollections")}
          labelHidden
          placeholder={t("homepage.picker.searchCollections")}
          value={query}
          onChange={setQuery}
          autoComplete="off"
          id="collection-picker-search"
        />
      </Modal.Section>
      <ResourceList
        items={collections}
        loading={fetcher.state !== "idle"}
        selectable
        selectedItems={selected}
        onSelectionChange={(value) =>
          setSelected(
            value === "All" ? collections.map((c) => c.id) : multiple ? value : value.slice(-1),
          )
        }
        emptyState={<Text as="p">{t("homepage.picker.noCollections")}</Text>}
        renderItem={(item) => (
          <ResourceItem
            id={item.id}
            onClick={() => undefined}
            media={<Thumbnail source={item.imageUrl ?? ImageIcon} alt="" size="small" />}
          >
            <Text as="span">{item.title}</Text>
          </ResourceItem>
        )}
      />
    </Modal>
  );
}
