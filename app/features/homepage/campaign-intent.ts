import { z } from "zod";

/** What a post to a campaign page asks for (the form's `intent`). */
export const campaignIntentSchema = z.enum([
  "save",
  "pause",
  "resume",
  "cancel",
  "end-now",
  "restore-previous",
  "keep-current",
  "preview-link",
  "revoke-preview-link",
]);
export type CampaignIntent = z.infer<typeof campaignIntentSchema>;
