import type { enCollections } from "./en-collections";

/** Swedish UI strings: collections (every key of the English part). */
export const svCollections: Record<keyof typeof enCollections, string> = {
  "collections.title": "Kollektioner",
  "collections.count": "{count} kollektioner i din butik",
  "collections.countAtLeast": "Minst {count} kollektioner i din butik",
  "collections.next":
    "Bulkändringar med plan först, liveförlopp och ångra byggs för den här delen.",
};
