/** Writes a campaign's content into its app-owned `$app:campaign` metaobject (by handle). */
export const HOMEPAGE_CAMPAIGN_UPSERT = `#graphql
  mutation HomepageCampaignUpsert($handle: MetaobjectHandleInput!, $metaobject: MetaobjectUpsertInput!) {
    metaobjectUpsert(handle: $handle, metaobject: $metaobject) {
      metaobject {
        id
        handle
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;
