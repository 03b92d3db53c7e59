import { describe, expect, it } from "vitest";
import {
  desiredLive,
  liveEntryAt,
  overlapsWith,
  storefrontSchedule,
  type ScheduledCampaign,
} from "./schedule";

const at = (iso: string) => new Date(iso);
function campaign(
  id: string,
  start: string,
  end: string | null,
  status: ScheduledCampaign["status"] = "SCHEDULED",
): ScheduledCampaign {
  return { id, name: id, status, startsAt: at(start), endsAt: end ? at(end) : null };
}

const blackWeek = campaign("bw", "2026-11-23T00:00:00Z", "2026-11-30T23:00:00Z");
const blackFriday = campaign("bf", "2026-11-27T00:00:00Z", "2026-11-28T00:00:00Z");
const christmas = campaign("xmas", "2026-12-01T00:00:00Z", null);

describe("which campaign the home page shows", () => {
  it("GIVEN no campaign running THEN none is live", () => {
    expect(desiredLive([blackWeek, christmas], at("2026-11-20T00:00:00Z"))).toBeNull();
  });

  it("GIVEN a campaign inside another THEN the later-started one wins while it runs", () => {
    expect(desiredLive([blackWeek, blackFriday], at("2026-11-27T12:00:00Z"))?.id).toBe("bf");
  });

  it("GIVEN the inner campaign ended THEN the outer one comes back", () => {
    expect(desiredLive([blackWeek, blackFriday], at("2026-11-28T00:00:00Z"))?.id).toBe("bw");
  });

  it("GIVEN the end instant THEN the campaign is no longer live (end is exclusive)", () => {
    expect(desiredLive([blackWeek], at("2026-11-30T23:00:00Z"))).toBeNull();
  });

  it("GIVEN a paused campaign THEN it is never live", () => {
    const paused = { ...blackFriday, status: "PAUSED" as const };
    expect(desiredLive([paused], at("2026-11-27T12:00:00Z"))).toBeNull();
  });

  it("GIVEN an open-ended campaign THEN it stays live", () => {
    expect(desiredLive([christmas], at("2030-01-01T00:00:00Z"))?.id).toBe("xmas");
  });
});

describe("overlap detection", () => {
  it("GIVEN a window inside another THEN the other is reported", () => {
    expect(overlapsWith(blackFriday, [blackWeek, christmas]).map((c) => c.id)).toEqual(["bw"]);
  });

  it("GIVEN back-to-back windows THEN they do not overlap", () => {
    const next = campaign("next", "2026-11-30T23:00:00Z", "2026-12-01T00:00:00Z");
    expect(overlapsWith(next, [blackWeek])).toEqual([]);
  });

  it("GIVEN an open-ended campaign THEN every later window overlaps it", () => {
    const later = campaign("later", "2027-05-01T00:00:00Z", "2027-05-02T00:00:00Z");
    expect(overlapsWith(later, [christmas]).map((c) => c.id)).toEqual(["xmas"]);
  });

  it("GIVEN the campaign itself or a cancelled one THEN they are ignored", () => {
    const cancelled = { ...blackWeek, id: "old", status: "CANCELLED" as const };
    expect(overlapsWith(blackWeek, [blackWeek, cancelled])).toEqual([]);
  });
});

describe("the schedule the storefront switches by", () => {
  it("GIVEN campaigns now and later THEN only those live or starting within the horizon are listed", () => {
    const entries = storefrontSchedule(
      [blackWeek, blackFriday, christmas],
      at("2026-11-26T00:00:00Z"),
      2 * 86_400_000,
    );
    expect(entries.map((e) => e.id)).toEqual(["bw", "bf"]);
  });

  it("GIVEN the listed instants THEN the browser picks the same campaign as the server", () => {
    const entries = storefrontSchedule([blackWeek, blackFriday], at("2026-11-26T00:00:00Z"), 1e10);
    expect(liveEntryAt(entries, at("2026-11-26T23:59:59Z"))?.id).toBe("bw");
    expect(liveEntryAt(entries, at("2026-11-27T00:00:00Z"))?.id).toBe("bf");
  });
});
