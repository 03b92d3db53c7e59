/** Whether the app's campaign metaobject definition exists (declared in shopify.app.toml). */
export const HOMEPAGE_CAMPAIGN_DEFINITION_QUERY = `#graphql
  query HomepageCampaignDefinition {
    metaobjectDefinitionByType(type: "$app:campaign") {
      id
      type
    }
  }
` as const;

/**
 * Creates the campaign definition where app configuration has not (stores on an older deploy, the
 * local emulator). Fields match `[metaobjects.app.campaign]` in shopify.app.toml.
 */
export const HOMEPAGE_CAMPAIGN_DEFINITION_CREATE = `#graphql
  mutation HomepageCampaignDefinitionCreate($definition: MetaobjectDefinitionCreateInput!) {
    metaobjectDefinitionCreate(definition: $definition) {
      metaobjectDefinition {
        id
        type
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;
