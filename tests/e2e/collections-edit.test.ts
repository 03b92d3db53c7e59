import { describe, expect, it } from "vitest";
import { ARTIFACTS, demoInBrowserPerFile, waitForChangeStatus } from "./demo-stack";

const demo = demoInBrowserPerFile({ width: 1280, height: 1000 });

describe("bulk edit of collections in a browser", () => {
  it("GIVEN a collection chosen in the list WHEN a condition and a sort order are previewed THEN the plan lists both", async () => {
    await demo.page.goto(`${demo.stack.url}/collections?q=Byxor&locale=en`);
    await demo.page.waitForSelector("#collections-count");
    await demo.page.locator("tbody tr").first().locator("td").first().click();
    await demo.page
      .getByRole("button", { name: "Edit conditions, sort order or channels" })
      .click();
    await demo.page.waitForSelector("text=Edit collections");
    await demo.page.getByRole("button", { name: "Add a condition row" }).click();
    await demo.page.getByLabel("Value").first().fill("ull");
    await demo.page.getByLabel("Sort order").selectOption("ALPHA_DESC");
    await demo.page.getByRole("button", { name: "Preview changes" }).click();
    await demo.page.waitForSelector("#plan-totals");
    expect(await demo.page.locator("#plan-totals").textContent()).toBe(
      "1 condition changes, 1 sort order changes and 0 channel changes across 1 collections.",
    );
    expect(await demo.page.getByText("Add inclusion condition “tag = ull”").count()).toBe(1);
    expect(await demo.page.getByText("Sort order: Best selling → Title Z–A").count()).toBe(1);
    await demo.page.screenshot({ path: `${ARTIFACTS}/collections-edit-plan.png`, fullPage: true });
  });

  it("GIVEN the plan WHEN applied and then undone THEN both runs succeed and the list shows the original sort order", async () => {
    await demo.page.getByRole("button", { name: "Apply changes" }).click();
    await waitForChangeStatus(demo.page, "SUCCEEDED");
    expect(await demo.page.locator("#change-progress").textContent()).toContain("1 of 1 done");
    await demo.page.getByRole("button", { name: "Undo this change" }).click();
    await demo.page.waitForSelector("text=An undo plan was prepared");
    await demo.page.getByRole("button", { name: "Apply changes" }).click();
    await waitForChangeStatus(demo.page, "SUCCEEDED");
    await demo.page.goto(`${demo.stack.url}/collections?q=Byxor`);
    await demo.page.waitForSelector("#collections-count");
    expect(await demo.page.locator("tbody tr").first().textContent()).toContain("Best selling");
  });

  it("GIVEN an amount that is not one WHEN previewed THEN the row says so, in Swedish", async () => {
    await demo.page.goto(`${demo.stack.url}/collections?q=Byxor&locale=sv`);
    await demo.page.waitForSelector("#collections-count");
    await demo.page.locator("tbody tr").first().locator("td").first().click();
    await demo.page
      .getByRole("button", { name: "Redigera villkor, sortering eller kanaler" })
      .click();
    await demo.page.getByRole("button", { name: "Lägg till en villkorsrad" }).click();
    await demo.page.getByLabel("Kolumn").first().selectOption("price");
    await demo.page.getByLabel("Värde").first().fill("mycket");
    await demo.page.getByRole("button", { name: "Förhandsgranska ändringar" }).click();
    await demo.page.waitForSelector("text=ange ett belopp, t.ex. 499 eller 499,50");
    await demo.page.goto(`${demo.stack.url}/collections?locale=en`);
  });

  it("GIVEN the whole visit THEN the page raised no script errors", () => {
    expect(demo.pageErrors).toEqual([]);
  });
});
