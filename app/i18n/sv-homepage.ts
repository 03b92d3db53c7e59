import type { enHomepage } from "./en-homepage";

/** Swedish UI strings: homepage (every key of the English part). */
export const svHomepage: Record<keyof typeof enHomepage, string> = {
  "homepage.title": "Startsida",
  "homepage.liveTheme": "Publicerat tema: {theme}",
  "homepage.noLiveTheme": "Inget publicerat tema hittades.",
  "homepage.next": "Kampanjschemaläggning med automatisk återställning byggs för den här delen.",
};
