import { holidayOf, weekdayOf, type HolidayType } from "./impact-calendar";

/**
 * The regression's columns, each a function of the day's position in the series. Positions are
 * indices into the KPI series; `firstDay` turns them into calendar days.
 */

export interface DesignColumn {
  name: string;
  value: (position: number) => number;
}

const YEAR_DAYS = 365.2425;

export function interceptColumn(): DesignColumn {
  return { name: "intercept", value: () => 1 };
}

/** Linear trend in years, zero at the window start so the intercept is the level there. */
export function trendColumn(windowStart: number): DesignColumn {
  return { name: "trend", value: (p) => (p - windowStart) / YEAR_DAYS };
}

/** Monday..Saturday relative to Sunday. */
export function weekdayColumns(firstDay: number): DesignColumn[] {
  const names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
  return names.map((name, i) => ({
    name,
    value: (p: number) => (weekdayOf(firstDay + p) === i + 1 ? 1 : 0),
  }));
}

/** Smooth yearly seasonality: `harmonics` sine/cosine pairs of the calendar year. */
export function yearlyColumns(firstDay: number, harmonics: number): DesignColumn[] {
  const columns: DesignColumn[] = [];
  for (let k = 1; k <= harmonics; k++) {
    const frequency = (2 * Math.PI * k) / YEAR_DAYS;
    columns.push({ name: `year-sin${k}`, value: (p) => Math.sin(frequency * (firstDay + p)) });
    columns.push({ name: `year-cos${k}`, value: (p) => Math.cos(frequency * (firstDay + p)) });
  }
  return columns;
}

/** Retail-calendar type of every position (computed once; each holiday column reads it). */
export function holidaysByPosition(firstDay: number, length: number): (HolidayType | null)[] {
  return Array.from({ length }, (_, p) => holidayOf(firstDay + p));
}

export function holidayColumn(
  type: HolidayType,
  holidays: readonly (HolidayType | null)[],
): DesignColumn {
  return { name: `holiday:${type}`, value: (p) => (holidays[p] === type ? 1 : 0) };
}

/** 1 on the days of another action's window (positions, inclusive). */
export function actionColumn(index: number, start: number, end: number): DesignColumn {
  return { name: `other-action:${index}`, value: (p) => (p >= start && p <= end ? 1 : 0) };
}

/** A control series (log scale, centred on its fit-period mean for conditioning). */
export function controlColumn(
  index: number,
  logValues: Float64Array,
  centre: number,
): DesignColumn {
  return { name: `control:${index}`, value: (p) => logValues[p] - centre };
}

/** Row-major matrix of the columns at the given positions. */
export function designRows(
  columns: readonly DesignColumn[],
  positions: ArrayLike<number>,
): Float64Array {
  const width = columns.length;
  const out = new Float64Array(positions.length * width);
  for (let r = 0; r < positions.length; r++) {
    for (let c = 0; c < width; c++) out[r * width + c] = columns[c].value(positions[r]);
  }
  return out;
}
