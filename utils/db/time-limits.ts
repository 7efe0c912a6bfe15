/**
 * The times a record may carry, one set for every writer and reader: the database's
 * own writes, sync's merge, backups and imports.
 *
 * Merging keeps the later stamp, so one stamp far in the future wins everywhere:
 * a device with a wrong clock, or a hostile file in the sync folder, could freeze a
 * record on every device (each next edit stamped one past it, and refused by the
 * others once past the largest time a Date can hold). So a stamp from elsewhere
 * more than a day ahead of this browser's clock is refused, and a local write never
 * stamps beyond that either.
 */

/** Latest time a record may carry at all: the largest a JavaScript Date can hold. */
export const MAX_TIME = 8.64e15;

/** How far ahead of this browser's clock another device's clock may run (time zones, drift, a manual setting). */
export const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/** The latest stamp trusted now. */
export function latestTrustedTime(now: number): number {
  return Math.min(MAX_TIME, now + CLOCK_SKEW_MS);
}

/**
 * The stamp for a write to a record last stamped `previous`: after it, so that the
 * write wins a merge even when the clock stepped back, but never beyond what is
 * trusted now (a poisoned `previous` must not drag every later edit with it).
 */
export function nextStamp(now: number, previous: number): number {
  return Math.max(now, Math.min(previous + 1, latestTrustedTime(now)));
}
