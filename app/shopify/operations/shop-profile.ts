/** The shop's identity and settings Merchdesk keeps (name, currency, time zone, plan, scopes). */
export const SHOP_PROFILE_QUERY = `#graphql
  query ShopProfile {
    shop {
      name
      email
      myshopifyDomain
      currencyCode
      ianaTimezone
      plan {
        publicDisplayName
        shopifyPlus
      }
    }
    currentAppInstallation {
      accessScopes {
        handle
      }
    }
  }
` as const;
