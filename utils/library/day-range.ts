/**
 * The library's date filter: two calendar days picked in `<input type="date">`
 * ('YYYY-MM-DD', the user's local calendar), turned into the [from, to) epoch-ms
 * bounds `searchLibrary` takes. Both days are included whole, as a person reading
 * "from 3 May to 5 May" expects.
 */

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Local midnight at the start of a calendar day.
 * @param dayOffset - days to add first (1 gives the midnight that ends the day)
 * @return undefined if `day` is empty or not a real 'YYYY-MM-DD' date
 */
export function startOfLocalDay(day: string, dayOffset = 0): number | undefined {
  const match = DAY_PATTERN.exec(day.trim());
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = new Date(year, month - 1, date);
  // The Date constructor rolls 2024-02-31 over into March: such a day does not exist.
  if (start.getFullYear() !== year || start.getMonth() !== month - 1 || start.getDate() !== date) return undefined;
  start.setDate(start.getDate() + dayOffset);
  return start.getTime();
}

/**
 * Search bounds for a range of days; an empty or invalid end leaves that side open.
 * @param fromDay - first day included
 * @param toDay - last day included
 */
export function dayRangeBounds(fromDay: string, toDay: string): { from?: number; to?: number } {
  const from = startOfLocalDay(fromDay);
  // setDate rather than + 24 h: a day is 23 or 25 hours when the clocks change.
  const to = startOfLocalDay(toDay, 1);
  return { ...(from !== undefined && { from }), ...(to !== undefined && { to }) };
}
