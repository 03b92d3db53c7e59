import { GraphQLError } from "graphql";
import { accessMetadata } from "../graphql/schema";
import type { ShopState } from "../store/types";

/**
 * Scope checks the themes/app-data/analytics resolvers make themselves: the theme-write exemption
 * (which no scope expresses) and, as a second line behind the engine's root-field check, the
 * scopes of their own fields. The denial mirrors Shopify's shape: a top-level error "Access denied
 * for <field> field. Required access: <text>", where the text is the field's `requiredAccess`
 * metadata from the vendored introspection.
 */

/** `requiredAccess` text of a field ("Mutation", "themePublish"); empty when the file has none. */
export function requiredAccessText(typeName: string, fieldName: string): string {
  return accessMetadata().fieldText.get(`${typeName}.${fieldName}`)?.trim() ?? "";
}

/**
 * `fallbackScopes` words the requirement for fields whose metadata is empty (e.g. `orders`, whose
 * scope sits on the `Order` type instead).
 */
export function accessDenied(
  typeName: string,
  fieldName: string,
  fallbackScopes: string[] = [],
): GraphQLError {
  const requiredAccess =
    requiredAccessText(typeName, fieldName) ||
    fallbackScopes.map((scope) => `\`${scope}\` access scope`).join(" or ") + ".";
  return new GraphQLError(
    `Access denied for ${fieldName} field. Required access: ${requiredAccess}`,
    {
      extensions: {
        code: "ACCESS_DENIED",
        documentation: "https://shopify.dev/api/usage/access-scopes",
        requiredAccess,
      },
    },
  );
}

export function hasScope(shop: ShopState, scope: string): boolean {
  return shop.app.scopes.includes(scope);
}

/** Throws the access-denied error unless the app holds at least one of `scopes`. */
export function requireAnyScope(
  shop: ShopState,
  typeName: "QueryRoot" | "Mutation",
  fieldName: string,
  scopes: string[],
): void {
  if (!scopes.some((scope) => hasScope(shop, scope))) {
    throw accessDenied(typeName, fieldName, scopes);
  }
}

/**
 * Theme writes need `write_themes` AND Shopify's exemption (SHOPIFY-PLATFORM.md §3.1): the schema
 * attaches it to file writes, duplicate, publish, create, update and delete.
 */
export function requireThemeWriteAccess(shop: ShopState, fieldName: string): void {
  if (!hasScope(shop, "write_themes") || !shop.app.themeWriteExemption) {
    throw accessDenied("Mutation", fieldName);
  }
}
