/**
 * An export file of Pocket, Omnivore, Instapaper, Readwise, Raindrop or Obsidian Web
 * Clipper, from its bytes to Margin's records: its kind found from its contents
 * (`detect-import-format.ts`), then read by that service's module. The records go
 * through the same gate and merge plan as a backup (`preview-import-file.ts`).
 */
import { detectTextFormat, detectZipFormat, type ServiceFormat } from './detect-import-format';
import { readInstapaperCsv } from './instapaper';
import { readObsidianClipper } from './obsidian-clipper';
import { isOmnivoreEntry, readOmnivoreZip, type Sanitize } from './omnivore';
import {
  POCKET_ANNOTATIONS,
  POCKET_CSV,
  readPocketAnnotations,
  readPocketCsv,
  readPocketHtml,
  readPocketZip,
} from './pocket';
import { readRaindropCsv } from './raindrop';
import { ARCHIVE_LIMITS, decodeText, isZip, readZip, type ArchiveLimits } from './read-archive';
import { readReadwiseCsv } from './readwise';
import { ServiceRecordBuilder, type ServiceRecords } from './service-records';

export interface ServiceExportOptions {
  /** The file's name, for messages only (the kind is read from the contents). */
  name?: string;
  /** Makes Omnivore's saved pages safe; without one they are skipped. */
  sanitize?: Sanitize;
  limits?: Partial<ArchiveLimits>;
}

export type ServiceExportRead =
  | ({ ok: true; format: ServiceFormat } & ServiceRecords)
  | { ok: false; errors: string[] }
  /** Not a service export: a Margin backup or annotations, read elsewhere. */
  | { ok: 'other'; text: string };

/** Reads one file. */
export function readServiceExport(bytes: Uint8Array, options: ServiceExportOptions = {}): ServiceExportRead {
  const name = options.name ?? 'the file';
  const b = new ServiceRecordBuilder();
  try {
    if (isZip(bytes)) {
      const limits = { ...ARCHIVE_LIMITS, ...options.limits };
      const zip = readZip(bytes, (n) => POCKET_CSV.test(n) || POCKET_ANNOTATIONS.test(n) || isOmnivoreEntry(n), limits);
      if (!zip.ok) return { ok: false, errors: zip.errors.map((e) => `${name}: ${e}`) };
      for (const ignored of zip.ignored.slice(0, 5))
        b.skip(`${name}: entry "${ignored}" ignored, its name points outside the archive`);
      const format = detectZipFormat(zip.names);
      if (format === null) {
        return {
          ok: false,
          errors: [
            `${name}: a zip archive, but not a Pocket export (part_000000.csv) or an Omnivore export (metadata_*_to_*.json)`,
          ],
        };
      }
      const errors = format === 'pocket' ? readPocketZip(zip.entries, b) : readOmnivoreZip(zip.entries, b, options);
      return done(format, errors, b);
    }
    const text = decodeText(bytes);
    if (text === null) return { ok: false, errors: [`${name}: not UTF-8 text, nor a zip archive`] };
    if (text.trim() === '') return { ok: false, errors: [`${name}: the file is empty`] };
    // A backup is told by its first bytes: it may be hundreds of megabytes, parsed once, later.
    const json = looksLikeBackup(text) ? undefined : parseJson(text);
    const format = detectTextFormat(text, json);
    if (format === null) {
      return {
        ok: false,
        errors: [
          `${name}: not an export Margin knows (Pocket, Omnivore, Instapaper, Readwise, Raindrop, Obsidian Web Clipper, W3C annotations, a Margin backup)`,
        ],
      };
    }
    if (format === 'backup' || format === 'annotations') return { ok: 'other', text };
    return done(format, readText(format, text, json, name, b), b);
  } catch (error) {
    // Whatever else hostile input finds is still an answer for the person importing, not a crash.
    return {
      ok: false,
      errors: [`${name}: could not read the file (${error instanceof Error ? error.message : String(error)})`],
    };
  }
}

function looksLikeBackup(text: string): boolean {
  return /"format"\s*:\s*"margin-backup"/.test(text.slice(0, 4096));
}

function parseJson(text: string): unknown {
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function readText(
  format: Exclude<ServiceFormat, 'omnivore'>,
  text: string,
  json: unknown,
  name: string,
  b: ServiceRecordBuilder,
): string[] {
  switch (format) {
    case 'pocket':
      return json === undefined ? readPocketCsv(text, name, b) : readPocketAnnotations(text, name, b);
    case 'pocket-html':
      return readPocketHtml(text, name, b);
    case 'instapaper':
      return readInstapaperCsv(text, name, b);
    case 'readwise':
      return readReadwiseCsv(text, name, b);
    case 'raindrop':
      return readRaindropCsv(text, name, b);
    case 'obsidian-clipper':
      return readObsidianClipper(json, name, b);
  }
}

function done(format: ServiceFormat, errors: string[], b: ServiceRecordBuilder): ServiceExportRead {
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, 10) };
  return { ok: true, format, ...b.finish() };
}
