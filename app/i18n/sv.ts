import type { Messages } from "./en";
import { svCollections } from "./sv-collections";
import { svCore } from "./sv-core";
import { svHomepage } from "./sv-homepage";
import { svInsights } from "./sv-insights";

/** Swedish UI strings: every key of `en` (the types make a missing one a compile error). */
export const sv: Messages = { ...svCore, ...svCollections, ...svHomepage, ...svInsights };
