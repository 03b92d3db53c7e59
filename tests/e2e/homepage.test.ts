import { beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, demoInBrowserPerFile } from "./demo-stack";

const demo = demoInBrowserPerFile({ width: 1280, height: 1000 });

const MINUTE = 60_000;

let emulatorUrl: string;
let shop: string;

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
  const storefront = await demo.browser.newPage();
  await storefront.goto(`${emulatorUrl}/_emulator/storefront/${shop}/`);
  const value = await storefront
    .locator("[data-merchdesk-block]")
    .first()
    .getAttribute("data-merchdesk-campaign");
  await storefront.close();
  return value;
}

async function campaignStatus(): Promise<string | null> {
  await demo.page.reload({ waitUntil: "networkidle" });
  return demo.page.locator("#campaign-status").getAttribute("data-status");
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
  emulatorUrl = demo.stack.output().match(/Shopify emulator: (\S+) \(shop (\S+)\)/)![1]!;
  shop = demo.stack.output().match(/Shopify emulator: \S+ \(shop (\S+)\)/)![1]!;
});

describe("home-page campaigns in the browser", () => {
  it("GIVEN the live theme without the block WHEN the merchant adds it THEN the app sees it placed", async () => {
    await demo.page.goto(`${demo.stack.url}/homepage`, { waitUntil: "networkidle" });
    await demo.page.waitForSelector("#block-placement");
    expect(await demo.page.locator("#block-placement").textContent()).toMatch(/not on the live/);
    await placeCampaignBlockOnLiveTheme();
    await demo.page.reload({ waitUntil: "networkidle" });
    expect(await demo.page.locator("#block-placement").textContent()).toMatch(/is on the live/);
  });

  it("GIVEN a planned campaign WHEN the emulator clock reaches its start THEN the storefront shows it, and at its end no longer", async () => {
    const { now } = await control("clock");
    const start = new Date(new Date(now).getTime() + 10 * MINUTE);
    const end = new Date(start.getTime() + 60 * MINUTE);
    await demo.page.goto(`${demo.stack.url}/homepage/new`, { waitUntil: "networkidle" });
    await demo.page.getByLabel("Name").fill("Black Week");
    await demo.page.getByLabel("Start").fill(stockholm(start));
    await demo.page.getByLabel("End").fill(stockholm(end));
    await demo.page.getByLabel("Heading").fill("Black Week – upp till 40 %");
    await demo.page.getByLabel("Button label").fill("Till erbjudandena");
    await demo.page.getByLabel("Button link").fill("/collections/jackor");
    await demo.page.locator("#save-campaign").click();
    await demo.page.waitForURL(/\/app\/homepage\/[0-9a-f-]{36}/);
    expect(await campaignStatus()).toBe("SCHEDULED");
    expect(await storefrontCampaign()).toBe("");

    await control("clock/advance", { method: "POST", body: JSON.stringify({ ms: 11 * MINUTE }) });
    await expect.poll(campaignStatus, { timeout: 60_000, interval: 1_000 }).toBe("LIVE");
    expect(await storefrontCampaign()).toMatch(/^campaign-/);
    await expect
      .poll(
        async () => {
          await demo.page.reload({ waitUntil: "networkidle" });
          return demo.page.locator('[data-verified="ON"]').count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    await demo.page.screenshot({ path: `${ARTIFACTS}/homepage-live.png`, fullPage: true });

    await control("clock/advance", { method: "POST", body: JSON.stringify({ ms: 60 * MINUTE }) });
    await expect.poll(campaignStatus, { timeout: 60_000, interval: 1_000 }).toBe("ENDED");
    expect(await storefrontCampaign()).toBe("");
  });

  it("GIVEN a campaign with a picked collection WHEN the merchant makes a storefront preview link THEN the link shows it on the storefront, and once revoked the normal page", async () => {
    const { now } = await control("clock");
    const start = new Date(new Date(now).getTime() + 3 * 24 * 60 * MINUTE);
    await demo.page.goto(`${demo.stack.url}/homepage/new`, { waitUntil: "networkidle" });
    await demo.page.getByLabel("Name").fill("Hemlig vinterrea");
    await demo.page.getByLabel("Start").fill(stockholm(start));
    await demo.page.getByLabel("Heading").fill("Vinterrea – bara för länken");
    // The in-app collection picker (App Bridge's resource picker when embedded).
    await demo.page.locator("#campaign-collection-pick-collection").click();
    const dialog = demo.page.getByRole("dialog");
    await dialog.locator("#collection-picker-search").fill("Jackor");
    const item = dialog.locator("li", { has: demo.page.getByText("Jackor", { exact: true }) });
    await item.locator('input[type="checkbox"]').check({ force: true });
    await dialog.getByRole("button", { name: "Select", exact: true }).click();
    await expect
      .poll(() => demo.page.locator("#campaign-collection-title").textContent())
      .toBe("Jackor");
    await demo.page.locator("#save-campaign").click();
    await demo.page.waitForURL(/\/app\/homepage\/[0-9a-f-]{36}/);
    await demo.page.waitForSelector("#campaign-collection-title");
    expect(await demo.page.locator("#campaign-collection-title").textContent()).toBe("Jackor");

    await demo.page.locator("#campaign-preview-link").click();
    const field = demo.page.locator("#campaign-preview-link-url");
    await field.waitFor();
    const link = await field.inputValue();
    expect(link).toMatch(/#merchdesk-preview=[A-Za-z0-9_-]{43}$/);

    const storefront = await demo.browser.newPage();
    await storefront.goto(link);
    await storefront.waitForSelector("body[data-merchdesk-preview-state]");
    expect(await storefront.getAttribute("body", "data-merchdesk-preview-state")).toBe("shown");
    const block = storefront.locator("[data-merchdesk-block]").first();
    expect(await block.locator('[data-merchdesk-field="heading"]').textContent()).toBe(
      "Vinterrea – bara för länken",
    );
    expect(await block.getAttribute("data-merchdesk-campaign")).toMatch(/^campaign-/);
    expect(await storefront.locator("[data-merchdesk-preview-banner]").isVisible()).toBe(true);
    await storefront.screenshot({ path: `${ARTIFACTS}/homepage-preview-link.png`, fullPage: true });

    await demo.page.locator("#campaign-revoke-preview-link").click();
    await demo.page.locator("#campaign-preview-link").waitFor();
    await storefront.goto("about:blank");
    await storefront.goto(link);
    await storefront.waitForSelector("body[data-merchdesk-preview-state]");
    expect(await storefront.getAttribute("body", "data-merchdesk-preview-state")).toBe(
      "unavailable",
    );
    expect(await storefront.locator('[data-merchdesk-field="heading"]').count()).toBe(0);
    expect(await storefront.locator("[data-merchdesk-preview-banner]").count()).toBe(0);
    await storefront.close();
  });

  it("GIVEN Swedish chosen WHEN the campaign list opens THEN it speaks Swedish", async () => {
    await demo.page.goto(`${demo.stack.url}/homepage?locale=sv`, { waitUntil: "networkidle" });
    expect(await demo.page.getByRole("button", { name: "Ny kampanj" }).count()).toBe(1);
  });

  it("GIVEN a Swedish merchant WHEN a start falls in the spring-forward hour and the end before it THEN the form says both in Swedish", async () => {
    await demo.page.goto(`${demo.stack.url}/homepage/new?locale=sv`, { waitUntil: "networkidle" });
    await demo.page.getByLabel("Namn", { exact: true }).fill("Vårkampanj");
    await demo.page.getByLabel("Start", { exact: true }).fill("2027-03-28T02:30");
    // Told before saving how the missing hour is read.
    await expect
      .poll(() => demo.page.locator("#dst-startsAt").textContent())
      .toBe(
        "Start 2027-03-28 02:30 finns inte i Europe/Stockholm: klockan ställs fram den natten. Kampanjen använder 2027-03-28 03:30 (UTC+02:00).",
      );
    await demo.page.getByLabel("Slut", { exact: true }).fill("2027-03-27T12:00");
    await demo.page.getByLabel("Rubrik", { exact: true }).fill("Vår");
    await demo.page.locator("#save-campaign").click();
    await demo.page.getByText("Slutet måste vara efter starten.").waitFor();
    await demo.page.getByLabel("Slut", { exact: true }).fill("2027-03-29T12:00");
    await demo.page.locator("#save-campaign").click();
    // The open-ended campaign planned above overlaps: the box comes ticked, the next save confirms.
    await demo.page
      .getByText("Överlappar en annan kampanj: bekräfta nedan för att spara ändå.")
      .waitFor();
    expect(await demo.page.locator('input[name="confirmOverlap"]').isChecked()).toBe(true);
    await demo.page.locator("#save-campaign").click();
    await demo.page.waitForURL(/\/app\/homepage\/[0-9a-f-]{36}/);
    await demo.page.locator('[data-dst="startsAt"]').waitFor();
    expect(await demo.page.locator('[data-dst="startsAt"]').textContent()).toContain(
      "Kampanjen använder 2027-03-28 03:30 (UTC+02:00)",
    );
    expect(await demo.page.getByLabel("Start", { exact: true }).inputValue()).toBe(
      "2027-03-28T03:30",
    );
  });

  it("GIVEN the whole visit THEN the pages raised no script errors", () => {
    expect(demo.pageErrors).toEqual([]);
  });
});
