import { BlockStack, Card, List, Text } from "@shopify/polaris";
import { useI18n } from "../../../components/I18nProvider";

/** The collections a bulk change will write to, with their product counts. */
export function ChosenCollectionsCard({
  title,
  collections,
}: {
  title: string;
  collections: readonly { id: string; title: string; productsCount: number }[];
}) {
  const { n } = useI18n();
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        <List>
          {collections.map((c) => (
            <List.Item key={c.id}>{`${c.title} (${n(c.productsCount)})`}</List.Item>
          ))}
        </List>
      </BlockStack>
    </Card>
  );
}
