import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { translate } from "../../app/i18n";
import {
  action as campaignAction,
  loader as campaignLoader,
} from "../../app/routes/app.homepage.$id";
import type { Emulator } from "../../emulator/server";
import { startInProcessEmulator } from "../support/emulator";
import { adminRequest } from "../support/sessions";
import { createCampaign, homepageShop } from "./homepage-support";

/**
 * Campaign times typed on Europe/Stockholm's daylight-saving nights, through the routes: the
 * create redirect carries what was typed to the campaign page, which says how it was read; an
 * edit's answer says so directly.
 */

let emulator: Emulator;
const SHOP = "dst-planner.myshopify.com";

beforeAll(async () => {
  emulator = startInProcessEmulator();
  await homepageShop(emulator, SHOP);
  emulator.clock.freeze(new Date("2027-02-01T10:00:00Z"));
});

afterAll(async () => {
  await emulator.close();
});

async function page(id: string, search: string) {
  return campaignLoader({
    request: await adminRequest(SHOP, `/app/homepage/${id}${search}`),
    params: { id },
    context: {},
  });
}

describe("campaign times on daylight-saving nights", () => {
  let id = "";

  it("GIVEN a start at 02:30 on the spring-forward night WHEN created THEN the campaign page says it starts at 03:30", async () => {
    const response = await createCampaign(SHOP, {
      name: "Spring",
      startsAt: "2027-03-28T02:30",
      endsAt: "2027-03-28T20:00",
      heading: "Spring",
    });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location")!, "https://app.local");
    expect(location.searchParams.getAll("dst")).toEqual(["startsAt.2027-03-28T02:30"]);
    const saved = await db().homepageCampaign.findFirstOrThrow({
      where: { shop: SHOP, name: "Spring" },
    });
    id = saved.id;
    expect(saved.startsAt.toISOString()).toBe("2027-03-28T01:30:00.000Z");
    const data = await page(id, location.search);
    expect(data.dstNotes).toEqual([
      { field: "startsAt", adjustment: "skipped-forward", entered: "2027-03-28T02:30" },
    ]);
    // Opened later without the note: nothing to say.
    expect((await page(id, "")).dstNotes).toEqual([]);
  });

  it("GIVEN an end at 02:30 on the autumn night WHEN edited THEN the answer notes the first 02:30 was used", async () => {
    const response = (await campaignAction({
      request: await adminRequest(SHOP, `/app/homepage/${id}`, {
        method: "POST",
        body: new URLSearchParams({
          intent: "save",
          name: "Spring",
          startsAt: "2027-03-28T03:30",
          endsAt: "2027-10-31T02:30",
          heading: "Spring",
        }),
      }),
      params: { id },
      context: {},
    })) as Response;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      saved: true,
      dst: [{ field: "endsAt", adjustment: "ambiguous-first", entered: "2027-10-31T02:30" }],
    });
    const saved = await db().homepageCampaign.findUniqueOrThrow({ where: { id } });
    expect(saved.endsAt?.toISOString()).toBe("2027-10-31T00:30:00.000Z");
  });

  it("GIVEN an unknown action THEN the form error is a key a Swedish merchant reads in Swedish", async () => {
    const response = (await campaignAction({
      request: await adminRequest(SHOP, `/app/homepage/${id}`, {
        method: "POST",
        body: new URLSearchParams({ intent: "explode" }),
      }),
      params: { id },
      context: {},
    })) as Response;
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as {
      errors: { form: { key: "homepage.error.unknownAction" } };
    };
    expect(translate("sv", errors.form.key)).toBe("Okänd åtgärd. Ladda om sidan och försök igen.");
  });
});
