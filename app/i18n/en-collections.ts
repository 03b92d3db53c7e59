/** English UI strings: collections. */
export const enCollections = {
  "collections.title": "Collections",
  "collections.count": "{count} collections in your store",
  "collections.countAtLeast": "At least {count} collections in your store",
  "collections.next":
    "Bulk changes with a plan first, live progress and undo are being built for this section.",
} as const;
