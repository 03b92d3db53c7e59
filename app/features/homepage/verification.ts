/**
 * Reading the storefront home page after a switch: which Merchdesk campaign blocks it shows. The
 * markup is the theme app extension's (extensions/merchdesk-campaigns): every campaign block
 * carries `data-merchdesk-campaign="<handle>"` ("" when no campaign is live).
 */

export interface StorefrontReading {
  blocks: number;
  shown: string[];
}

export function readStorefront(html: string): StorefrontReading {
  const shown = new Set<string>();
  let blocks = 0;
  for (const match of html.matchAll(/data-merchdesk-campaign="([^"]*)"/g)) {
    blocks++;
    if (match[1]) shown.add(match[1]);
  }
  return { blocks, shown: [...shown] };
}

export type VerificationOutcome =
  | { ok: true; note: "shown" | "not-shown" }
  | { ok: false; note: "no-block" | "not-shown" | "still-shown" | "http-error" };

/** Whether the page shows (expectShown) or no longer shows the campaign's handle. */
export function verifySwitch(
  html: string,
  status: number,
  handle: string,
  expectShown: boolean,
): VerificationOutcome {
  if (status >= 400) return { ok: false, note: "http-error" };
  const reading = readStorefront(html);
  if (expectShown) {
    if (reading.blocks === 0) return { ok: false, note: "no-block" };
    return reading.shown.includes(handle)
      ? { ok: true, note: "shown" }
      : { ok: false, note: "not-shown" };
  }
  return reading.shown.includes(handle)
    ? { ok: false, note: "still-shown" }
    : { ok: true, note: "not-shown" };
}

/** Template mode: the page shows the campaign version when its sections are rendered. */
export function templateShown(html: string, sectionIds: string[]): boolean {
  return (
    sectionIds.length > 0 && sectionIds.every((id) => html.includes(`data-section-id="${id}"`))
  );
}
