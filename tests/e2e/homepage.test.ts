import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, openDemoInBrowser, type DemoStack } from "./demo-stack";

const MINUTE = 60_000;

let stack: DemoStack;
let browser: Browser;
let page: Page;
let emulatorUrl: string;
let shop: string;
const pageErrors: string[] = [];

async function control(path: string, init: RequestInit = {}) {
  const response = await fetch(`${emulatorUrl}/_emulator/${path}`, {
    ...init,
    headers: { "content-type": "application/json" },
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function adminGraphql(token: string, query: string, variables: object = {}) {
  const response = await fetch(`${emulatorUrl}/admin/api/2026-10/graphql.json`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-shopify-access-token": token,
      "x-shopify-shop-domain": shop,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (!body.data) throw new Error(`Admin API: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/**
 * What the merchant does in the theme editor: put the Merchdesk campaign block on the live home
 * page (here: the seeded draft's home template, which has the block, copied to the live theme).
 */
async function placeCampaignBlockOnLiveTheme() {
  const { accessToken } = (await control(`shops/${shop}`)).shop;
  await control(`shops/${shop}`, {
    method: "PATCH",
    body: JSON.stringify({ themeWriteExemption: true }),
  });
  const data = await adminGraphql(
    accessToken,
    `{ themes(first: 5) { nodes { id role files(filenames: ["templates/index.json"], first: 1) {
        nodes { body { ... on OnlineStoreThemeFileBodyText { content } } } } } } }`,
  );
  const themes = data.themes.nodes as {
    id: string;
    role: string;
    files: { nodes: { body: { content: string } }[] };
  }[];
  const draft = themes.find((t) => t.role === "UNPUBLISHED")!;
  const live = themes.find((t) => t.role === "MAIN")!;
  await adminGraphql(
    accessToken,
    `mutation($themeId: ID!, $files: [OnlineStoreThemeFilesUpsertFileInput!]!) {
      themeFilesUpsert(themeId: $themeId, files: $files) { userErrors { message } } }`,
    {
      themeId: live.id,
      files: [
        {
          filename: "templates/index.json",
          body: { type: "TEXT", value: draft.files.nodes[0]!.body.content },
        },
      ],
    },
  );
  await control(`shops/${shop}`, {
    method: "PATCH",
    body: JSON.stringify({ themeWriteExemption: false }),
  });
}

async function storefrontCampaign(): Promise<string | null> {
  const storefront = await browser.newPage();
  await storefront.goto(`${emulatorUrl}/_emulator/storefront/${shop}/`);
  const value = await storefront
    .locator("[data-merchdesk-block]")
    .first()
    .getAttribute("data-merchdesk-campaign");
  await storefront.close();
  return value;
}

async function campaignStatus(): Promise<string | null> {
  await page.reload({ waitUntil: "networkidle" });
  return page.locator("#campaign-status").getAttribute("data-status");
}

/** "YYYY-MM-DDTHH:mm" in Europe/Stockholm. */
function stockholm(instant: Date): string {
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  })
    .format(instant)
    .replace(" ", "T");
}

beforeAll(async () => {
  ({ stack, browser, page } = await openDemoInBrowser({
    viewport: { width: 1280, height: 1000 },
    pageErrors,
  }));
  emulatorUrl = stack.output().match(/Shopify emulator: (\S+) \(shop (\S+)\)/)![1]!;
  shop = stack.output().match(/Shopify emulator: \S+ \(shop (\S+)\)/)![1]!;
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("home-page campaigns in the browser", () => {
  it("GIVEN the live theme without the block WHEN the merchant adds it THEN the app sees it placed", async () => {
    await page.goto(`${stack.url}/homepage`, { waitUntil: "networkidle" });
    await page.waitForSelector("#block-placement");
    expect(await page.locator("#block-placement").textContent()).toMatch(/not on the live/);
    await placeCampaignBlockOnLiveTheme();
    await page.reload({ waitUntil: "networkidle" });
    expect(await page.locator("#block-placement").textContent()).toMatch(/is on the live/);
  });

  it("GIVEN a planned campaign WHEN the emulator clock reaches its start THEN the storefront shows it, and at its end no longer", async () => {
    const { now } = await control("clock");
    const start = new Date(new Date(now).getTime() + 10 * MINUTE);
    const end = new Date(start.getTime() + 60 * MINUTE);
    await page.goto(`${stack.url}/homepage/new`, { waitUntil: "networkidle" });
    await page.getByLabel("Name").fill("Black Week");
    await page.getByLabel("Start").fill(stockholm(start));
    await page.getByLabel("End").fill(stockholm(end));
    await page.getByLabel("Heading").fill("Black Week – upp till 40 %");
    await page.getByLabel("Button label").fill("Till erbjudandena");
    await page.getByLabel("Button link").fill("/collections/jackor");
    await page.locator("#save-campaign").click();
    await page.waitForURL(/\/app\/homepage\/[0-9a-f-]{36}/);
    expect(await campaignStatus()).toBe("SCHEDULED");
    expect(await storefrontCampaign()).toBe("");

    await control("clock/advance", { method: "POST", body: JSON.stringify({ ms: 11 * MINUTE }) });
    await expect.poll(campaignStatus, { timeout: 60_000, interval: 1_000 }).toBe("LIVE");
    expect(await storefrontCampaign()).toMatch(/^campaign-/);
    await expect
      .poll(
        async () => {
          await page.reload({ waitUntil: "networkidle" });
          return page.locator('[data-verified="ON"]').count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}/homepage-live.png`, fullPage: true });

    await control("clock/advance", { method: "POST", body: JSON.stringify({ ms: 60 * MINUTE }) });
    await expect.poll(campaignStatus, { timeout: 60_000, interval: 1_000 }).toBe("ENDED");
    expect(await storefrontCampaign()).toBe("");
  });

  it("GIVEN Swedish chosen WHEN the campaign list opens THEN it speaks Swedish", async () => {
    await page.goto(`${stack.url}/homepage?locale=sv`, { waitUntil: "networkidle" });
    expect(await page.getByRole("button", { name: "Ny kampanj" }).count()).toBe(1);
  });

  it("GIVEN the whole visit THEN the pages raised no script errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
