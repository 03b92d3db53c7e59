/** English UI strings: homepage. */
export const enHomepage = {
  "homepage.title": "Home page",
  "homepage.liveTheme": "Live theme: {theme}",
  "homepage.noLiveTheme": "No published theme was found.",
  "homepage.next":
    "Campaign scheduling with automatic switch-back is being built for this section.",
} as const;
