import type { ShopState } from "../store/types";

export type SeedKind = "demo" | "empty" | "large";

/** Fills an empty shop with deterministic data. (Being built: "empty" leaves it as is.) */
export function seedShop(_shop: ShopState, _kind: SeedKind, _options: { now: Date }): void {}
