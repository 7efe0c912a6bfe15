/**
 * Byte counts as people read them, for the storage figures on the settings page.
 * Decimal units (1 kB = 1,000 B), as browsers' own storage settings show them.
 */

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;

/**
 * @return e.g. '0 B', '950 B', '1.2 kB', '34 MB', '120 GB'; '' for a negative or non-finite count
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  // Two significant figures below 10 (1.2 MB), whole numbers above: enough to compare, no false precision.
  const shown =
    unit === 0
      ? String(Math.round(value))
      : value < 10
        ? value.toFixed(1).replace(/\.0$/, '')
        : String(Math.round(value));
  // 999.6 kB rounds to "1000 kB": say 1 MB instead.
  if (shown === '1000' && unit < UNITS.length - 1) return `1 ${UNITS[unit + 1]}`;
  return `${shown} ${UNITS[unit]}`;
}

/**
 * Share of the quota in use, for a sentence such as "0.02% of what this browser allows".
 * @return null when the quota is unknown or zero
 */
export function formatShare(usage: number, quota: number): string | null {
  if (!Number.isFinite(usage) || !Number.isFinite(quota) || quota <= 0 || usage < 0) return null;
  const pct = (usage / quota) * 100;
  if (pct === 0) return '0%';
  if (pct < 0.01) return '< 0.01%';
  return `${pct < 10 ? pct.toFixed(2).replace(/\.?0+$/, '') : Math.round(pct)}%`;
}
