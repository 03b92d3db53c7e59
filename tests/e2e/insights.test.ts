import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, openDemoInBrowser, type DemoStack } from "./demo-stack";

let stack: DemoStack;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  ({ stack, browser, page } = await openDemoInBrowser({
    viewport: { width: 1280, height: 1000 },
    pageErrors,
  }));
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("Insights page in the demo", () => {
  it("GIVEN a fresh demo WHEN Insights opens THEN the backfill finishes and the chart and seeded actions appear", async () => {
    await page.goto(`${stack.url}/insights?range=365`);
    await expect
      .poll(
        async () => {
          await page.reload({ waitUntil: "networkidle" });
          return page.locator("#sync-status").textContent();
        },
        { timeout: 300_000, interval: 3_000 },
      )
      .toMatch(/Orders imported up to now/);
    await page.waitForSelector("#kpi-chart svg");
    expect(await page.locator("#orders-30").textContent()).toMatch(
      /\d[\d,]* orders in the last 30 days/,
    );
    expect(await page.locator("#kpi-total").textContent()).toMatch(/Net sales: /);
    // The merchant's earlier notes on Shopify's timeline come in as actions right after.
    await expect
      .poll(
        async () => {
          await page.reload({ waitUntil: "networkidle" });
          return page.locator("#action-list").textContent();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toContain("Fjällveckan");
  }, 360_000);

  it("GIVEN the seeded actions WHEN their effects are estimated THEN each shows a verdict in words", async () => {
    await expect
      .poll(
        async () => {
          await page.reload({ waitUntil: "networkidle" });
          return page.locator('#action-list [data-kpi="orders"]').count();
        },
        { timeout: 120_000, interval: 3_000 },
      )
      .toBeGreaterThanOrEqual(2);
    const verdicts = await page.locator("#action-list [data-verdict]").allTextContents();
    expect(
      verdicts.some((text) => /went up|no detectable effect|can't tell|went down/.test(text)),
    ).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/insights.png`, fullPage: true });
  }, 180_000);

  it("GIVEN the KPI picker WHEN orders and last year are chosen THEN the total and comparison follow", async () => {
    await page.goto(`${stack.url}/insights?kpi=orders&range=90&compare=year`, {
      waitUntil: "networkidle",
    });
    expect(await page.locator("#kpi-total").textContent()).toMatch(/Orders: [\d,]+/);
    expect(await page.locator("#kpi-compare").textContent()).toMatch(/vs same period last year/);
  });

  it("GIVEN a manual note WHEN added with an expected outcome, then deleted THEN the list follows", async () => {
    await page.goto(`${stack.url}/insights?range=30`, { waitUntil: "networkidle" });
    await page.click("#add-note");
    await page.getByLabel("Title").fill("Nyhetsbrev: vårens nyheter");
    await page
      .getByLabel("Date (or start)")
      .fill(new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10));
    await page.getByLabel("Expected effect on").selectOption("orders");
    await page.getByLabel("By about (%)").fill("5");
    await page.click("#save-note");
    await page.waitForSelector('#action-list li:has-text("Nyhetsbrev: vårens nyheter")');
    const row = page.locator('#action-list li:has-text("Nyhetsbrev: vårens nyheter")');
    expect(await row.textContent()).toContain("You expected orders to go up (5%)");
    await row.getByRole("button", { name: "Delete" }).click();
    await expect
      .poll(() => page.locator('#action-list li:has-text("Nyhetsbrev: vårens nyheter")').count(), {
        timeout: 15_000,
      })
      .toBe(0);
  });

  it("GIVEN Swedish chosen THEN the insights page speaks Swedish", async () => {
    await page.goto(`${stack.url}/insights?locale=sv`, { waitUntil: "networkidle" });
    expect(await page.locator("#orders-30").textContent()).toMatch(/ordrar de senaste 30 dagarna/);
    expect(pageErrors).toEqual([]);
  });
});
