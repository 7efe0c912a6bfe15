/**
 * Reading the containers other services export in: zip archives, UTF-8 text and
 * CSV. Shared by the importers in this folder; pure (no DOM, no Node APIs).
 *
 * A file handed to the import is hostile until read: a zip is bounded before
 * anything is inflated (entry count, each entry's size and their total, from the
 * central directory), and an entry whose header lies about its size is cut at the
 * size it declared (fflate writes into a buffer of that size), so memory stays
 * bounded either way. Names that climb out of the archive (`../`, absolute paths,
 * drive letters) are ignored: nothing is written to disk, but such an entry is
 * never mistaken for `content/<slug>.html` either.
 */
import Papa from 'papaparse';
import { unzipSync } from 'fflate';

/** Limits a real export stays far below; past them the file is refused, not cut. */
export const ARCHIVE_LIMITS = {
  /** Entries of one zip: Omnivore writes ~2 per article (content, highlights). */
  entries: 100_000,
  /** Bytes of one inflated entry. */
  entryBytes: 64 * 1024 * 1024,
  /** Bytes of all inflated entries read together. */
  totalBytes: 256 * 1024 * 1024,
  /** Data rows of one CSV file. */
  csvRows: 500_000,
};
export type ArchiveLimits = typeof ARCHIVE_LIMITS;

export type ZipRead =
  | { ok: true; entries: Map<string, Uint8Array>; names: string[]; ignored: string[] }
  | { ok: false; errors: string[] };

/** Whether the bytes start as a zip archive does (a local file header). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** A name inside the archive, or null when it points outside it. */
export function safeEntryName(name: string): string | null {
  const n = name.replace(/\\/g, '/');
  if (n.startsWith('/') || /^[a-z]:/i.test(n) || n.includes('\0')) return null;
  if (n.split('/').some((part) => part === '..')) return null;
  return n.replace(/^(\.\/)+/, '');
}

class Refused extends Error {}

/**
 * The entries of a zip that `want` asks for, inflated, keyed by their (safe) name.
 * @param want - which entries to inflate; the others are only counted
 * @return every entry's safe name, those ignored as unsafe, or why the archive is refused
 */
export function readZip(
  bytes: Uint8Array,
  want: (name: string) => boolean,
  limits: Partial<ArchiveLimits> = {},
): ZipRead {
  const max = { ...ARCHIVE_LIMITS, ...limits };
  const names: string[] = [];
  const ignored: string[] = [];
  let count = 0;
  let total = 0;
  const renamed = new Map<string, string>();
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(bytes, {
      filter: (file) => {
        if (++count > max.entries)
          throw new Refused(`the archive has more than ${max.entries.toLocaleString('en')} entries`);
        if (file.name.endsWith('/')) return false;
        const name = safeEntryName(file.name);
        if (name === null) {
          ignored.push(file.name.slice(0, 200));
          return false;
        }
        names.push(name);
        if (!want(name)) return false;
        if (file.originalSize > max.entryBytes) {
          throw new Refused(
            `${name} would unpack to ${mb(file.originalSize)}; an entry may be at most ${mb(max.entryBytes)}`,
          );
        }
        total += file.originalSize;
        if (total > max.totalBytes) throw new Refused(`the archive would unpack to more than ${mb(max.totalBytes)}`);
        renamed.set(file.name, name);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, errors: [error.message] };
    return {
      ok: false,
      errors: [`not a zip archive Margin can read (${error instanceof Error ? error.message : String(error)})`],
    };
  }
  const entries = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(raw)) entries.set(renamed.get(name) ?? name, data);
  return { ok: true, entries, names, ignored };
}

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** UTF-8 text without its byte order mark, or null when the bytes are not UTF-8. */
export function decodeText(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return null;
  }
}

/** One data row: its values by lowercased header name, and its place in the file. */
export interface CsvRow {
  /** 1-based number of the row in the file, the header being row 1. */
  row: number;
  get(column: string): string;
}

export type CsvRead = { ok: true; header: string[]; rows: CsvRow[] } | { ok: false; errors: string[] };

/** The header of a CSV text as lowercased, trimmed names (for telling formats apart). */
export function csvHeader(text: string): string[] {
  const firstLine = text.slice(0, 4096).split(/\r\n|\n|\r/, 1)[0] ?? '';
  const parsed = Papa.parse<string[]>(firstLine, { header: false });
  return (parsed.data[0] ?? []).map((h) => h.trim().toLowerCase());
}

/**
 * RFC 4180 CSV (quoted fields may hold commas, quotes and newlines) with a header row.
 * @param where - the file's name, for messages
 */
export function parseCsv(text: string, where: string, limits: Partial<ArchiveLimits> = {}): CsvRead {
  const max = { ...ARCHIVE_LIMITS, ...limits };
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: 'greedy' });
  const structural = parsed.errors.filter((e) => e.type === 'Quotes');
  if (structural.length > 0) {
    return {
      ok: false,
      errors: structural.slice(0, 5).map((e) => `${where} row ${(e.row ?? 0) + 1}: ${e.message.toLowerCase()}`),
    };
  }
  const [headerRow, ...data] = parsed.data;
  if (!headerRow) return { ok: false, errors: [`${where}: empty, no header row`] };
  if (data.length > max.csvRows)
    return {
      ok: false,
      errors: [`${where}: more than ${max.csvRows.toLocaleString('en')} rows; split the file and import the parts`],
    };
  const header = headerRow.map((h) => h.trim().toLowerCase());
  const index = new Map(header.map((h, i) => [h, i] as const));
  const rows = data.map(
    (values, i): CsvRow => ({
      row: i + 2,
      get: (column) => {
        const at = index.get(column);
        return at === undefined ? '' : (values[at] ?? '');
      },
    }),
  );
  return { ok: true, header, rows };
}
