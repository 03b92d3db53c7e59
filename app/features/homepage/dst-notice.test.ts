import { describe, expect, it } from "vitest";
import { translate } from "../../i18n";
import { dstNoteFor, dstNotice, dstParam, savedDstNotes } from "./dst-notice";

const ZONE = "Europe/Stockholm";

describe("daylight-saving notices", () => {
  it("GIVEN an ordinary time or no time THEN there is nothing to say", () => {
    expect(dstNoteFor("startsAt", "2027-03-28T04:00", ZONE)).toBeNull();
    expect(dstNoteFor("startsAt", "", ZONE)).toBeNull();
  });

  it("GIVEN 02:30 on the spring-forward night THEN the notice gives 03:30 summer time", () => {
    const note = dstNoteFor("startsAt", "2027-03-28T02:30", ZONE)!;
    expect(note).toEqual({
      field: "startsAt",
      adjustment: "skipped-forward",
      entered: "2027-03-28T02:30",
    });
    const notice = dstNotice(note, ZONE)!;
    expect(notice).toEqual({
      key: "homepage.dst.skipped-forward",
      fieldKey: "homepage.field.startsAt",
      vars: {
        entered: "2027-03-28 02:30",
        resolved: "2027-03-28 03:30",
        offset: "UTC+02:00",
        zone: ZONE,
      },
    });
    expect(translate("sv", notice.key, { ...notice.vars, field: "Start" })).toBe(
      "Start 2027-03-28 02:30 finns inte i Europe/Stockholm: klockan ställs fram den natten. Kampanjen använder 2027-03-28 03:30 (UTC+02:00).",
    );
  });

  it("GIVEN 02:30 on the autumn night THEN the notice names the first one, still at UTC+02:00", () => {
    const note = dstNoteFor("endsAt", "2027-10-31T02:30", ZONE)!;
    const notice = dstNotice(note, ZONE)!;
    expect(notice.key).toBe("homepage.dst.ambiguous-first");
    expect(notice.vars).toMatchObject({ resolved: "2027-10-31 02:30", offset: "UTC+02:00" });
    expect(translate("en", notice.key, { ...notice.vars, field: "End" })).toBe(
      "End 2027-10-31 02:30 happens twice in Europe/Stockholm: the clocks go back that night. The campaign uses the first one, 2027-10-31 02:30 (UTC+02:00).",
    );
  });

  it("GIVEN a zone west of UTC THEN the offset is negative (New York, second Sunday of March)", () => {
    const notice = dstNotice(
      dstNoteFor("startsAt", "2027-03-14T02:15", "America/New_York")!,
      "America/New_York",
    )!;
    expect(notice.vars).toMatchObject({ resolved: "2027-03-14 03:15", offset: "UTC−04:00" });
  });

  it("GIVEN notes carried in the URL after a create THEN only those matching the saved instants are kept", () => {
    const start = dstNoteFor("startsAt", "2027-03-28T02:30", ZONE)!;
    const saved = { startsAt: "2027-03-28T01:30:00.000Z", endsAt: null };
    expect(savedDstNotes([dstParam(start)], saved, ZONE)).toEqual([start]);
    // Edited since (another start), an ordinary time, junk, an end the campaign does not have.
    expect(
      savedDstNotes(
        [dstParam(start), "startsAt.2027-03-28T04:00", "startsAt.<x>", "endsAt.2027-10-31T02:30"],
        { startsAt: "2027-04-01T10:00:00.000Z", endsAt: null },
        ZONE,
      ),
    ).toEqual([]);
  });
});
