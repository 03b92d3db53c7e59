/**
 * The campaign calendar's layout as pure functions over wall-clock dates in the shop's zone:
 * which days a month or week view shows, and which campaigns touch each day.
 */

export interface CalendarCampaign {
  id: string;
  /** "YYYY-MM-DDTHH:mm" in the shop's zone; endsLocal "" when open-ended. */
  startsLocal: string;
  endsLocal: string;
}

export type CalendarView = "month" | "week" | "list";

const day = (text: string) => text.slice(0, 10);

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Monday of the week holding `date` (ISO weeks, as merchants in Sweden read calendars). */
export function weekStart(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** The days a view shows around `anchor` ("YYYY-MM-DD"): whole weeks covering the month, or one week. */
export function visibleDays(view: "month" | "week", anchor: string): string[] {
  const first = view === "month" ? weekStart(`${anchor.slice(0, 7)}-01`) : weekStart(anchor);
  let count = 7;
  if (view === "month") {
    const monthEnd = addDays(`${addDays(`${anchor.slice(0, 7)}-28`, 4).slice(0, 7)}-01`, -1);
    while (addDays(first, count - 1) < monthEnd) count += 7;
  }
  return Array.from({ length: count }, (_, i) => addDays(first, i));
}

/** Whether a campaign is running at some point of the local day `date`. */
export function touchesDay(campaign: CalendarCampaign, date: string): boolean {
  if (day(campaign.startsLocal) > date) return false;
  if (!campaign.endsLocal) return true;
  // A campaign ending at 00:00 does not touch that day.
  return campaign.endsLocal > `${date}T00:00`;
}

export function shiftAnchor(view: "month" | "week", anchor: string, direction: 1 | -1): string {
  if (view === "week") return addDays(anchor, 7 * direction);
  const d = new Date(`${anchor.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + direction);
  return d.toISOString().slice(0, 10);
}
