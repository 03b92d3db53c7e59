import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, openDemoInBrowser, type DemoStack } from "./demo-stack";

const DEMO_SHOP_NAME = "Fjällvik Outdoor";

let stack: DemoStack;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  ({ stack, browser, page } = await openDemoInBrowser({
    viewport: { width: 1280, height: 900 },
    pageErrors,
  }));
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("standalone demo in a browser", () => {
  it("GIVEN the demo WHEN the home page opens THEN it greets the demo shop by name", async () => {
    await page.goto(stack.url);
    // The shop's name arrives through the worker's profile sync right after the demo installs.
    await expect
      .poll(
        async () => {
          await page.reload({ waitUntil: "networkidle" });
          return page.getByRole("heading", { name: `Welcome, ${DEMO_SHOP_NAME}` }).count();
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}/demo-home.png`, fullPage: true });
  });

  it("GIVEN the navigation WHEN each section is opened THEN it shows the demo store's live data", async () => {
    const sections = [
      {
        link: "Collections",
        content: "#collections-count",
        pattern: /\d+ collections in your store/,
      },
      { link: "Home page", content: "#live-theme", pattern: /Live theme: \S+/ },
      { link: "Insights", content: "#orders-30", pattern: /\d[\d,]* orders in the last 30 days/ },
    ];
    for (const section of sections) {
      await page.getByRole("link", { name: section.link, exact: true }).first().click();
      await page.waitForSelector(section.content);
      expect(await page.locator(section.content).textContent()).toMatch(section.pattern);
    }
    await page.screenshot({ path: `${ARTIFACTS}/demo-insights.png`, fullPage: true });
  });

  it("GIVEN Swedish chosen WHEN the home page opens THEN the UI speaks Swedish", async () => {
    await page.getByRole("link", { name: "Svenska" }).click();
    await page.getByRole("link", { name: "Hem", exact: true }).first().click();
    await page.waitForSelector(`text=Välkommen, ${DEMO_SHOP_NAME}`);
    expect(
      await page.getByRole("link", { name: "Kollektioner", exact: true }).count(),
    ).toBeGreaterThan(0);
  });

  it("GIVEN the whole visit THEN the page raised no script errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
