/** A record's date as the library lists it: "3 May 2024" in the browser's language. */
const DAY = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

export function formatDay(epochMs: number): string {
  return DAY.format(epochMs);
}
