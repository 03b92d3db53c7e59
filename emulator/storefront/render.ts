import type { Clock } from "../graphql/context";
import type { ShopState } from "../store/types";

/** Renders the shop's live home page as simple HTML. (Being built.) */
export function renderHomePage(
  shop: ShopState,
  _clock: Clock,
  _options: { previewThemeId?: string } = {},
): string {
  return `<!doctype html><html><body data-shop="${shop.domain}"></body></html>`;
}
