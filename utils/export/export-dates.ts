/**
 * Dates as the export formats write them. Margin stores two kinds: instants
 * (epoch ms: when a highlight was made, when the export ran) and the date a page
 * states it was published (`ArticleRecord.published`, an ISO 8601 date or
 * date-time as the page gave it). An instant becomes a calendar date in the
 * user's time zone, passed in, since the formats are pure functions; a stated
 * date keeps the calendar day the page gave, never shifted by a time zone.
 */

/** A calendar date with as much precision as is known. */
export interface DateParts {
  year: number;
  month?: number;
  day?: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The calendar date of an instant.
 * @param timeZone - an IANA zone (`Europe/Paris`); UTC when omitted or unknown to the runtime
 */
export function instantDate(ms: number, timeZone = 'UTC'): DateParts {
  if (timeZone === 'UTC') {
    // Intl is ten times slower, and an export dates every highlight.
    const d = new Date(ms);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatter(timeZone).formatToParts(ms);
  } catch {
    parts = formatter('UTC').formatToParts(ms);
  }
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/**
 * The date a page states: `2024`, `2024-03`, `2024-03-21` or a date-time, whose
 * calendar day is taken as written (`2024-03-21T23:30:00-05:00` is the 21st).
 * @return null when there is none or it is not an ISO 8601 date
 */
export function statedDate(published: string | null | undefined): DateParts | null {
  const m = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T\s])/.exec(published ?? '');
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) return { year };
  if (day !== undefined && (day < 1 || day > daysIn(year, month!))) return { year, month: month! };
  return { year, ...(month !== undefined && { month }), ...(day !== undefined && { day }) };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2024-03-21`, `2024-03` or `2024`. */
export function isoDate(d: DateParts): string {
  return [String(d.year).padStart(4, '0'), d.month && pad(d.month), d.month && d.day && pad(d.day)]
    .filter(Boolean)
    .join('-');
}

/** An instant as ISO 8601 in UTC (`2024-03-22T09:15:00.000Z`); '' for a time that is not one. */
export function isoInstant(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}
