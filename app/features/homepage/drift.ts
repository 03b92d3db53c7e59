import { createHash } from "node:crypto";

/**
 * Template mode's "nothing of the merchant's is lost" rule. At the end of a campaign the live
 * home page is compared (by checksum) with what Merchdesk wrote at the start:
 * - it still is the campaign's version → restore what was live before;
 * - it already is the previous version → nothing to do (a re-run);
 * - anything else → the merchant edited it meanwhile: keep theirs, save a copy, ask.
 */

export function md5(text: string): string {
  return createHash("md5").update(text, "utf8").digest("hex");
}

export type RestoreDecision = "restore" | "already-restored" | "drifted";

export function restoreDecision(
  liveChecksum: string | null,
  campaignChecksum: string,
  previousChecksum: string,
): RestoreDecision {
  if (liveChecksum === previousChecksum) return "already-restored";
  if (liveChecksum === campaignChecksum) return "restore";
  return "drifted";
}
