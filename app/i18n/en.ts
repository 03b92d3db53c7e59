import { enCollections } from "./en-collections";
import { enCore } from "./en-core";
import { enHomepage } from "./en-homepage";
import { enInsights } from "./en-insights";

/**
 * English UI strings, one part per capability (each owned with its feature). Keys are stable ids;
 * `{name}` placeholders are filled by `t()`.
 */
export const en = { ...enCore, ...enCollections, ...enHomepage, ...enInsights } as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
