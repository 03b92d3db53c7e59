import { describe, expect, it } from "vitest";
import { ARTIFACTS, demoInBrowserPerFile } from "./demo-stack";

const demo = demoInBrowserPerFile({ width: 1280, height: 1000 });

describe("Insights page in the demo", () => {
  it("GIVEN a fresh demo WHEN Insights opens THEN the backfill finishes and the chart and seeded actions appear", async () => {
    await demo.page.goto(`${demo.stack.url}/insights?range=365`);
    await expect
      .poll(
        async () => {
          await demo.page.reload({ waitUntil: "networkidle" });
          return demo.page.locator("#sync-status").textContent();
        },
        { timeout: 300_000, interval: 3_000 },
      )
      .toMatch(/Orders imported up to now/);
    await demo.page.waitForSelector("#kpi-chart svg");
    expect(await demo.page.locator("#orders-30").textContent()).toMatch(
      /\d[\d,]* orders in the last 30 days/,
    );
    expect(await demo.page.locator("#kpi-total").textContent()).toMatch(/Net sales: /);
    // The merchant's earlier notes on Shopify's timeline come in as actions right after.
    await expect
      .poll(
        async () => {
          await demo.page.reload({ waitUntil: "networkidle" });
          return demo.page.locator("#action-list").textContent();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toContain("Fjällveckan");
  }, 360_000);

  it("GIVEN the seeded actions WHEN their effects are estimated THEN each shows a verdict in words", async () => {
    await expect
      .poll(
        async () => {
          await demo.page.reload({ waitUntil: "networkidle" });
          return demo.page.locator('#action-list [data-kpi="orders"]').count();
        },
        { timeout: 120_000, interval: 3_000 },
      )
      .toBeGreaterThanOrEqual(2);
    const verdicts = await demo.page.locator("#action-list [data-verdict]").allTextContents();
    expect(
      verdicts.some((text) => /went up|no detectable effect|can't tell|went down/.test(text)),
    ).toBe(true);
    await demo.page.screenshot({ path: `${ARTIFACTS}/insights.png`, fullPage: true });
  }, 180_000);

  it("GIVEN the link to an action's effects WHEN opened THEN that action is highlighted with its verdicts", async () => {
    await demo.page.goto(`${demo.stack.url}/insights?range=365`, { waitUntil: "networkidle" });
    const row = demo.page.locator('#action-list li:has([data-kpi="orders"])').first();
    const id = (await row.getAttribute("data-action-id"))!;
    await demo.page.goto(`${demo.stack.url}/insights?action=${id}`, { waitUntil: "networkidle" });
    const focused = demo.page.locator("#focused-action");
    expect(await focused.getAttribute("data-action-id")).toBe(id);
    expect(await focused.textContent()).toContain("Linked action");
    expect(await focused.locator("[data-verdict]").count()).toBeGreaterThan(0);
  });

  it("GIVEN a collection's net sales WHEN chosen THEN the collection picker, the note on its limits and the chart show it", async () => {
    await expect
      .poll(
        async () => {
          await demo.page.goto(`${demo.stack.url}/insights?kpi=collection_net_sales&range=90`, {
            waitUntil: "networkidle",
          });
          return demo.page.locator("#collection-picker").count();
        },
        { timeout: 120_000, interval: 3_000 },
      )
      .toBe(1);
    expect(await demo.page.locator("#collection-note").textContent()).toContain(
      "outside Merchdesk",
    );
    expect(await demo.page.locator("#kpi-total").textContent()).toMatch(/Net sales — .+: /);
    await demo.page.waitForSelector("#kpi-chart svg");
    await demo.page.screenshot({ path: `${ARTIFACTS}/insights-collection.png`, fullPage: true });
  }, 180_000);

  it("GIVEN the KPI picker WHEN orders and last year are chosen THEN the total and comparison follow", async () => {
    await demo.page.goto(`${demo.stack.url}/insights?kpi=orders&range=90&compare=year`, {
      waitUntil: "networkidle",
    });
    expect(await demo.page.locator("#kpi-total").textContent()).toMatch(/Orders: [\d,]+/);
    expect(await demo.page.locator("#kpi-compare").textContent()).toMatch(
      /vs same period last year/,
    );
  });

  it("GIVEN a manual note WHEN added with an expected outcome, then deleted THEN the list follows", async () => {
    await demo.page.goto(`${demo.stack.url}/insights?range=30`, { waitUntil: "networkidle" });
    await demo.page.click("#add-note");
    await demo.page.getByLabel("Title").fill("Nyhetsbrev: vårens nyheter");
    await demo.page
      .getByLabel("Date (or start)")
      .fill(new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10));
    await demo.page.getByLabel("Expected effect on").selectOption("orders");
    await demo.page.getByLabel("By about (%)").fill("5");
    await demo.page.click("#save-note");
    await demo.page.waitForSelector('#action-list li:has-text("Nyhetsbrev: vårens nyheter")');
    const row = demo.page.locator('#action-list li:has-text("Nyhetsbrev: vårens nyheter")');
    expect(await row.textContent()).toContain("You expected orders to go up (5%)");
    await row.getByRole("button", { name: "Delete" }).click();
    await expect
      .poll(
        () => demo.page.locator('#action-list li:has-text("Nyhetsbrev: vårens nyheter")').count(),
        {
          timeout: 15_000,
        },
      )
      .toBe(0);
  });

  it("GIVEN Swedish chosen THEN the insights page speaks Swedish", async () => {
    await demo.page.goto(`${demo.stack.url}/insights?locale=sv`, { waitUntil: "networkidle" });
    expect(await demo.page.locator("#orders-30").textContent()).toMatch(
      /ordrar de senaste 30 dagarna/,
    );
    expect(demo.pageErrors).toEqual([]);
  });
});
