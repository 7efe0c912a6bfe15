/**
 * Which kind of export a file is, from its contents (never its name): a zip by its
 * entries, a CSV by its header row, JSON by its shape, Pocket's HTML by its markup.
 * Margin's own backup and W3C/Hypothesis annotations are told apart here too, so
 * the import reads every file through one door.
 */
import { looksLikeObsidianClipper, isPage } from './obsidian-clipper';
import { INSTAPAPER_HEADER } from './instapaper';
import { OMNIVORE_METADATA } from './omnivore';
import { POCKET_ANNOTATIONS, POCKET_CSV } from './pocket';
import { RAINDROP_HEADER } from './raindrop';
import { READWISE_HEADER } from './readwise';
import { csvHeader } from './read-archive';

/** The read-it-later services Margin imports from. */
export const SERVICE_FORMATS = [
  'pocket',
  'pocket-html',
  'omnivore',
  'instapaper',
  'readwise',
  'obsidian-clipper',
  'raindrop',
] as const;
export type ServiceFormat = (typeof SERVICE_FORMATS)[number];
export type ImportFormat = ServiceFormat | 'backup' | 'annotations';

/** What a person calls each kind of file. */
export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  backup: 'Margin backup',
  annotations: 'Annotations',
  pocket: 'Pocket export',
  'pocket-html': 'Pocket export (ril_export.html)',
  omnivore: 'Omnivore export',
  instapaper: 'Instapaper CSV',
  readwise: 'Readwise CSV',
  'obsidian-clipper': 'Obsidian Web Clipper highlights',
  raindrop: 'Raindrop.io CSV',
};

/** A zip's kind from its entry names; null when it is none Margin knows. */
export function detectZipFormat(names: readonly string[]): 'pocket' | 'omnivore' | null {
  if (names.some((n) => OMNIVORE_METADATA.test(n))) return 'omnivore';
  if (names.some((n) => POCKET_CSV.test(n) || POCKET_ANNOTATIONS.test(n))) return 'pocket';
  return null;
}

const hasAll = (header: string[], names: string[]) => names.every((n) => header.includes(n));

/**
 * A text file's kind. JSON that is none of the services' shapes is left to the W3C
 * importer, which names what it expected.
 * @param json - the text parsed, when it is JSON (undefined otherwise)
 */
export function detectTextFormat(text: string, json: unknown): Exclude<ImportFormat, 'omnivore'> | null {
  if (/"format"\s*:\s*"margin-backup"/.test(text.slice(0, 4096))) return 'backup';
  if (json !== undefined) {
    if (looksLikeObsidianClipper(json)) return 'obsidian-clipper';
    if (Array.isArray(json) && json.length > 0 && json.slice(0, 5).every((p) => isPage(p, 'quote'))) return 'pocket';
    return 'annotations';
  }
  const head = text.slice(0, 4096);
  if (/<h1[^>]*>\s*(unread|read archive)\s*<\/h1>/i.test(head) || /<a\s[^>]*time_added=/i.test(head))
    return 'pocket-html';
  const header = csvHeader(text);
  if (hasAll(header, READWISE_HEADER)) return 'readwise';
  if (hasAll(header, RAINDROP_HEADER)) return 'raindrop';
  if (hasAll(header, INSTAPAPER_HEADER)) return 'instapaper';
  if (hasAll(header, ['title', 'url', 'time_added'])) return 'pocket';
  return null;
}
