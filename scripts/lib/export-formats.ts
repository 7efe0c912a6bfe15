/**
 * The export formats `npm run margin -- export` can write, by name. Each is a pure
 * function of `ExportData` returning the files to write (names relative to the
 * output directory). `json` is implemented here; the others are the modules in
 * `utils/export/`, wired in once they are on this branch.
 */
import type { ExportData } from '../../utils/export/export-data.ts';

export interface ExportFile {
  /** Relative to the output directory; '/' separates folders. */
  filename: string;
  content: string | Uint8Array;
}

export type ExportFormat = (data: ExportData) => ExportFile[];

export const FORMAT_NAMES = ['markdown', 'csv', 'w3c', 'bibtex', 'ris', 'csl', 'json'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** A format whose module is not connected to the CLI yet. */
export class FormatNotWiredError extends Error {
  override readonly name = 'FormatNotWiredError';
  constructor(readonly format: FormatName) {
    super(`The ${format} export is not wired into the CLI yet (utils/export/ provides it; scripts/lib/export-formats.ts must call it).`);
  }
}

function notWired(format: FormatName): ExportFormat {
  return () => {
    throw new FormatNotWiredError(format);
  };
}

/**
 * The export data as JSON: live articles with their saved copy, highlights (page
 * order) and page note, and the tags. Search words are left out: they are an index,
 * not data.
 */
export const jsonExport: ExportFormat = (data) => {
  const content = JSON.stringify(data, (key, value: unknown) => (key === 'words' ? undefined : value), 2);
  return [{ filename: 'margin-export.json', content: `${content}\n` }];
};

export const EXPORT_FORMATS: Record<FormatName, ExportFormat> = {
  json: jsonExport,
  // TODO(lead, after merging utils/export/): replace each with its module's function.
  markdown: notWired('markdown'),
  csv: notWired('csv'),
  w3c: notWired('w3c'),
  bibtex: notWired('bibtex'),
  ris: notWired('ris'),
  csl: notWired('csl'),
};

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}
