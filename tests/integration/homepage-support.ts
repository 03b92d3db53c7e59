import { db } from "../../app/db.server";
import { homepageDueCheckJob } from "../../app/features/homepage/jobs.server";
import { enqueue } from "../../app/jobs/queue.server";
import { action as newCampaignAction } from "../../app/routes/app.homepage.new";
import type { Emulator } from "../../emulator/server";
import { campaignIndexTemplate, themeEditorHeader } from "../../emulator/seed/themes";
import { runQueuedJobs } from "../support/jobs";
import { adminRequest, installShop } from "../support/sessions";

/** Helpers shared by the homepage integration tests (not a test file itself). */

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

/** A demo-seeded shop, installed, in Europe/Stockholm, whose live home page has our block. */
export async function homepageShop(
  emulator: Emulator,
  domain: string,
  options: { withBlock?: boolean; themeWriteExemption?: boolean } = {},
) {
  const shop = emulator.createShop({
    domain,
    seed: "demo",
    themeWriteExemption: options.themeWriteExemption ?? false,
  });
  await installShop(domain, shop.app.accessToken);
  await db().shop.update({ where: { domain }, data: { ianaTimezone: "Europe/Stockholm" } });
  if (options.withBlock ?? true) {
    const live = [...shop.themes.values()].find((t) => t.role === "MAIN")!;
    const file = live.files.get("templates/index.json")!;
    file.content = campaignIndexTemplate(shop.app.handle, themeEditorHeader(file.content));
  }
  return shop;
}

/** "YYYY-MM-DDTHH:mm" in Europe/Stockholm for an instant (winter dates: UTC+1). */
export function stockholmLocal(instant: Date): string {
  const parts = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(instant);
  return parts.replace(" ", "T");
}

export async function createCampaign(domain: string, form: Record<string, string>) {
  const response = await newCampaignAction({
    request: await adminRequest(domain, "/app/homepage/new", {
      method: "POST",
      body: new URLSearchParams(form),
    }),
    params: {},
    context: {},
  });
  return response as Response;
}

/** Runs the due-check (as the worker's cron/tick would) and every job it queues. */
export async function runDueSwitches() {
  await enqueue(homepageDueCheckJob, { tick: false });
  return runQueuedJobs();
}

export async function storefrontCampaign(emulator: Emulator, domain: string): Promise<string[]> {
  const response = await emulator.handle(
    new Request(`http://127.0.0.1/_emulator/storefront/${domain}/`),
  );
  const html = await response.text();
  return [...html.matchAll(/data-merchdesk-campaign="([^"]*)"/g)].map((m) => m[1]!);
}
