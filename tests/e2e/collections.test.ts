import { describe, expect, it } from "vitest";
import { ARTIFACTS, demoInBrowserPerFile, waitForChangeStatus } from "./demo-stack";

const demo = demoInBrowserPerFile({ width: 1280, height: 900 });

// Swedish Excel: semicolons, a BOM, and one row without a title.
const CSV = [
  "\ufefftitle;handle;sort_order;published;condition_1",
  "E2E Vinterrea;e2e-vinterrea;price_asc;ja;tag = rea",
  "E2E Ullplagg;;best-selling;nej;tag = ull",
  ";utan-titel;;;",
].join("\r\n");

describe("bulk collection changes in a browser", () => {
  it("GIVEN a CSV with a bad row WHEN it is checked THEN the plan shows the valid rows and names the bad row", async () => {
    await demo.page.goto(`${demo.stack.url}/collections?locale=en`);
    await demo.page.getByRole("link", { name: "Create from CSV" }).click();
    await demo.page.getByLabel("Or paste the CSV here").fill(CSV);
    await demo.page.getByRole("button", { name: "Check and preview" }).click();
    await demo.page.waitForSelector("#plan-totals");
    expect(await demo.page.locator("#plan-totals").textContent()).toBe(
      "2 collections will be created.",
    );
    expect(await demo.page.getByText("Row 4: title is missing").count()).toBe(1);
    await demo.page.screenshot({ path: `${ARTIFACTS}/collections-plan.png`, fullPage: true });
  });

  it("GIVEN the plan WHEN it is applied THEN progress reaches 2 of 2 and the collections exist", async () => {
    await demo.page.getByRole("button", { name: "Apply changes" }).click();
    await waitForChangeStatus(demo.page, "SUCCEEDED");
    expect(await demo.page.locator("#change-progress").textContent()).toContain("2 of 2 done");
    await demo.page.goto(`${demo.stack.url}/collections?q=E2E`);
    await expect
      .poll(async () => demo.page.getByText("e2e-vinterrea").count(), { timeout: 10_000 })
      .toBe(1);
    expect(await demo.page.getByText("e2e-ullplagg").count()).toBe(1);
  });

  it("GIVEN the applied change WHEN it is undone THEN the created collections are gone", async () => {
    await demo.page.goto(`${demo.stack.url}/collections/history`);
    await demo.page.locator("a[href^='/app/collections/changes/']").first().click();
    await demo.page.getByRole("button", { name: "Undo this change" }).click();
    await demo.page.waitForSelector("text=An undo plan was prepared");
    await demo.page.getByRole("button", { name: "Apply changes" }).click();
    await waitForChangeStatus(demo.page, "SUCCEEDED");
    await demo.page.screenshot({ path: `${ARTIFACTS}/collections-undo.png`, fullPage: true });
    await demo.page.goto(`${demo.stack.url}/collections?q=E2E`);
    await demo.page.waitForSelector("#collections-count");
    expect(await demo.page.getByText("e2e-vinterrea").count()).toBe(0);
  });

  it("GIVEN Swedish chosen WHEN the history opens THEN it speaks Swedish", async () => {
    await demo.page.goto(`${demo.stack.url}/collections/history?locale=sv`);
    await demo.page.waitForSelector("text=Historik");
    expect(await demo.page.getByText("Genomförd").count()).toBeGreaterThan(0);
    await demo.page.goto(`${demo.stack.url}/collections`);
    expect(await demo.page.locator("#collections-count").textContent()).toMatch(
      /\d+ kollektioner i din butik/,
    );
    await demo.page.goto(`${demo.stack.url}/collections?locale=en`);
  });

  it("GIVEN the whole visit THEN the page raised no script errors", () => {
    expect(demo.pageErrors).toEqual([]);
  });
});
