import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, openDemoInBrowser, type DemoStack } from "./demo-stack";

// Swedish Excel: semicolons, a BOM, and one row without a title.
const CSV = [
  "\ufefftitle;handle;sort_order;published;condition_1",
  "E2E Vinterrea;e2e-vinterrea;price_asc;ja;tag = rea",
  "E2E Ullplagg;;best-selling;nej;tag = ull",
  ";utan-titel;;;",
].join("\r\n");

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

async function waitForStatus(status: string) {
  await expect
    .poll(async () => page.locator("#change-status").getAttribute("data-status"), {
      timeout: 60_000,
      interval: 500,
    })
    .toBe(status);
}

describe("bulk collection changes in a browser", () => {
  it("GIVEN a CSV with a bad row WHEN it is checked THEN the plan shows the valid rows and names the bad row", async () => {
    await page.goto(`${stack.url}/collections?locale=en`);
    await page.getByRole("link", { name: "Create from CSV" }).click();
    await page.getByLabel("Or paste the CSV here").fill(CSV);
    await page.getByRole("button", { name: "Check and preview" }).click();
    await page.waitForSelector("#plan-totals");
    expect(await page.locator("#plan-totals").textContent()).toBe("2 collections will be created.");
    expect(await page.getByText("Row 4: title is missing").count()).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}/collections-plan.png`, fullPage: true });
  });

  it("GIVEN the plan WHEN it is applied THEN progress reaches 2 of 2 and the collections exist", async () => {
    await page.getByRole("button", { name: "Apply changes" }).click();
    await waitForStatus("SUCCEEDED");
    expect(await page.locator("#change-progress").textContent()).toContain("2 of 2 done");
    await page.goto(`${stack.url}/collections?q=E2E`);
    await expect
      .poll(async () => page.getByText("e2e-vinterrea").count(), { timeout: 10_000 })
      .toBe(1);
    expect(await page.getByText("e2e-ullplagg").count()).toBe(1);
  });

  it("GIVEN the applied change WHEN it is undone THEN the created collections are gone", async () => {
    await page.goto(`${stack.url}/collections/history`);
    await page.locator("a[href^='/app/collections/changes/']").first().click();
    await page.getByRole("button", { name: "Undo this change" }).click();
    await page.waitForSelector("text=An undo plan was prepared");
    await page.getByRole("button", { name: "Apply changes" }).click();
    await waitForStatus("SUCCEEDED");
    await page.screenshot({ path: `${ARTIFACTS}/collections-undo.png`, fullPage: true });
    await page.goto(`${stack.url}/collections?q=E2E`);
    await page.waitForSelector("#collections-count");
    expect(await page.getByText("e2e-vinterrea").count()).toBe(0);
  });

  it("GIVEN Swedish chosen WHEN the history opens THEN it speaks Swedish", async () => {
    await page.goto(`${stack.url}/collections/history?locale=sv`);
    await page.waitForSelector("text=Historik");
    expect(await page.getByText("Genomförd").count()).toBeGreaterThan(0);
    await page.goto(`${stack.url}/collections`);
    expect(await page.locator("#collections-count").textContent()).toMatch(
      /\d+ kollektioner i din butik/,
    );
    await page.goto(`${stack.url}/collections?locale=en`);
  });

  it("GIVEN the whole visit THEN the page raised no script errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
