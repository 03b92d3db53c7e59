import { describe, expect, it } from "vitest";
import { ARTIFACTS, demoInBrowserPerFile, waitForChangeStatus } from "./demo-stack";

const demo = demoInBrowserPerFile({ width: 1280, height: 1000 });

const rowIds = () =>
  demo.page
    .locator("#order-list li")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-product-id")));

async function openOrderPage(locale: "en" | "sv") {
  await demo.page.goto(`${demo.stack.url}/collections?q=Fjällveckan&locale=${locale}`);
  await demo.page.waitForSelector("#collections-count");
  await demo.page
    .getByRole("link", { name: locale === "en" ? "Reorder" : "Ändra ordning" })
    .first()
    .click();
  await demo.page.waitForSelector("#order-list li");
}

describe("reordering a manual collection in a browser", () => {
  it("GIVEN the order page WHEN a product is moved down with the keyboard THEN the move is announced and the plan moves one product", async () => {
    await openOrderPage("en");
    const before = await rowIds();
    const down = demo.page
      .locator("#order-list li")
      .first()
      .getByRole("button", { name: /^Move .+ down$/ });
    const firstTitle = (await down.getAttribute("aria-label"))!.replace(/^Move (.+) down$/, "$1");
    await down.focus();
    await demo.page.keyboard.press("Enter");
    expect(await demo.page.locator("#order-announcement").textContent()).toBe(
      `${firstTitle} is now at position 2.`,
    );
    expect(await rowIds()).toEqual([before[1], before[0], ...before.slice(2)]);
    await demo.page.getByRole("button", { name: "Review the new order" }).click();
    await demo.page.waitForSelector("#plan-totals");
    expect(await demo.page.locator("#plan-totals").textContent()).toBe(
      "1 products move in Fjällveckan",
    );
    await demo.page.screenshot({ path: `${ARTIFACTS}/collections-order-plan.png`, fullPage: true });
  });

  it("GIVEN the plan WHEN applied and undone THEN both succeed", async () => {
    await demo.page.getByRole("button", { name: "Apply changes" }).click();
    await waitForChangeStatus(demo.page, "SUCCEEDED");
    await demo.page.getByRole("button", { name: "Undo this change" }).click();
    await demo.page.waitForSelector("text=An undo plan was prepared");
    await demo.page.getByRole("button", { name: "Apply changes" }).click();
    await waitForChangeStatus(demo.page, "SUCCEEDED");
  });

  it("GIVEN a row dragged onto another THEN the page order changes before anything is planned", async () => {
    await openOrderPage("en");
    const before = await rowIds();
    await demo.page
      .locator("#order-list li")
      .nth(3)
      .dragTo(demo.page.locator("#order-list li").nth(0));
    const after = await rowIds();
    expect(after[0]).toBe(before[3]);
    expect(
      await demo.page.getByText("This page's order has changes that are not planned yet.").count(),
    ).toBe(1);
    await demo.page.getByRole("button", { name: "Undo my edits" }).click();
    expect(await rowIds()).toEqual(before);
  });

  it("GIVEN an empty position WHEN the move is reviewed THEN the error is shown in Swedish", async () => {
    await openOrderPage("sv");
    await demo.page.getByRole("button", { name: "Flytta till position" }).first().click();
    await demo.page.getByLabel(/Ny position för/).fill("");
    await demo.page.getByRole("button", { name: "Granska flytten" }).click();
    await demo.page.waitForSelector("#order-error");
    expect(await demo.page.locator("#order-error").textContent()).toBe(
      "Ange ett heltal som är 1 eller större.",
    );
    await demo.page.goto(`${demo.stack.url}/collections?locale=en`);
  });

  it("GIVEN the whole visit THEN the page raised no script errors", () => {
    expect(demo.pageErrors).toEqual([]);
  });
});
