/**
 * Formats an article's published date for the reader header.
 * A date-only value ("2024-03-21") is a calendar day, not an instant: it is
 * formatted in UTC so no time zone moves it to the day before.
 * @return null when the value is not a parseable date
 */
export function formatPublished(iso: string | null, locale?: string | null): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso.trim());
  try {
    return new Intl.DateTimeFormat(locale ?? undefined, {
      dateStyle: 'long',
      ...(dateOnly ? { timeZone: 'UTC' } : {}),
    }).format(date);
  } catch {
    // An invalid locale tag from the page must not break the header.
    return new Intl.DateTimeFormat('en', { dateStyle: 'long', ...(dateOnly ? { timeZone: 'UTC' } : {}) }).format(date);
  }
}
