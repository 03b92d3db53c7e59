/** The shop's id and Merchdesk's app-owned campaign metafields (live campaign and schedule). */
export const HOMEPAGE_LIVE_STATE_QUERY = `#graphql
  query HomepageLiveState {
    shop {
      id
      ianaTimezone
      live: metafield(namespace: "$app", key: "live_campaign") {
        value
        compareDigest
      }
      schedule: metafield(namespace: "$app", key: "campaign_schedule") {
        value
        compareDigest
      }
    }
  }
` as const;
