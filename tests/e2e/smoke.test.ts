import { describe, expect, it } from "vitest";
import { ARTIFACTS, demoInBrowserPerFile } from "./demo-stack";

const demo = demoInBrowserPerFile({ width: 1280, height: 900 });

const DEMO_SHOP_NAME = "Fjällvik Outdoor";

describe("standalone demo in a browser", () => {
  it("GIVEN the demo WHEN the home page opens THEN it greets the demo shop by name", async () => {
    await demo.page.goto(demo.stack.url);
    // The shop's name arrives through the worker's profile sync right after the demo installs.
    await expect
      .poll(
        async () => {
          await demo.page.reload({ waitUntil: "networkidle" });
          return demo.page.getByRole("heading", { name: `Welcome, ${DEMO_SHOP_NAME}` }).count();
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe(1);
    await demo.page.screenshot({ path: `${ARTIFACTS}/demo-home.png`, fullPage: true });
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
      await demo.page.getByRole("link", { name: section.link, exact: true }).first().click();
      await demo.page.waitForSelector(section.content);
      expect(await demo.page.locator(section.content).textContent()).toMatch(section.pattern);
    }
    await demo.page.screenshot({ path: `${ARTIFACTS}/demo-insights.png`, fullPage: true });
  });

  it("GIVEN Swedish chosen WHEN the home page opens THEN the UI speaks Swedish", async () => {
    await demo.page.getByRole("link", { name: "Svenska" }).click();
    await demo.page.getByRole("link", { name: "Hem", exact: true }).first().click();
    await demo.page.waitForSelector(`text=Välkommen, ${DEMO_SHOP_NAME}`);
    expect(
      await demo.page.getByRole("link", { name: "Kollektioner", exact: true }).count(),
    ).toBeGreaterThan(0);
  });

  it("GIVEN the whole visit THEN the page raised no script errors", () => {
    expect(demo.pageErrors).toEqual([]);
  });
});
