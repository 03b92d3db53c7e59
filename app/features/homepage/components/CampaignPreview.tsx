import { BlockStack, Box, Button, Text } from "@shopify/polaris";
import type { CampaignView } from "../overview.server";

/** The campaign block as shoppers will see it (the hero part of the theme app extension). */
export function CampaignPreview({ campaign }: { campaign: CampaignView }) {
  return (
    <Box background="bg-surface-secondary" padding="400" borderRadius="200" id="campaign-preview">
      <BlockStack gap="200">
        {campaign.imageUrl ? (
          <img src={campaign.imageUrl} alt="" style={{ maxWidth: "100%", borderRadius: 8 }} />
        ) : null}
        <Text as="h3" variant="headingLg">
          {campaign.heading}
        </Text>
        {campaign.text ? <Text as="p">{campaign.text}</Text> : null}
        {campaign.buttonLabel ? (
          <div>
            <Button url={campaign.buttonLink || undefined} external>
              {campaign.buttonLabel}
            </Button>
          </div>
        ) : null}
      </BlockStack>
    </Box>
  );
}
