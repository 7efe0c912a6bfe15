/**
 * Every export format by name, as files: what the library's export menu, the popup
 * and `npm run margin -- export` all call, so the browser and the CLI write the same
 * bytes. Each is a pure function of `ExportData`.
 */
import { bibtex } from './bibtex';
import { cslJson } from './csl-json';
import { ris } from './ris';
import type { ExportData } from './export-data';
import { highlightsCsv } from './highlights-csv';
import { markdownFiles, type MarkdownOptions } from './markdown-export';
import { w3cAnnotationsJson } from './w3c-annotations';

export interface ExportFile {
  /** Relative to the output folder; '/' separates folders. */
  filename: string;
  content: string | Uint8Array;
  mime: string;
}

/** `markdown` takes the user's templates; the other formats ignore the options. */
export type ExportFormat = (data: ExportData, options?: MarkdownOptions) => ExportFile[];

export const FORMAT_NAMES = ['markdown', 'csv', 'w3c', 'bibtex', 'ris', 'csl', 'json'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** What the export menus show for each format. */
export const FORMAT_LABELS: Readonly<Record<FormatName, string>> = {
  markdown: 'Markdown (Obsidian, Logseq)',
  csv: 'CSV spreadsheet',
  w3c: 'W3C Web Annotations (JSON-LD)',
  bibtex: 'BibTeX (BibLaTeX)',
  ris: 'RIS (Zotero, EndNote)',
  csl: 'CSL-JSON (Zotero, Pandoc)',
  json: 'JSON (readable data)',
};

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

const one = (filename: string, mime: string, content: string): ExportFile[] => [{ filename, mime, content }];

/**
 * The export data as JSON: live articles with their saved copy, highlights (page
 * order) and page note, and the tags. Search words are left out: they are an index,
 * not data. (A restorable backup is `utils/backup/`, not this.)
 */
function jsonExport(data: ExportData): ExportFile[] {
  const content = JSON.stringify(
    data,
    (key, value: unknown) => (key === 'words' || key === 'tagWords' || key === 'siteWords' ? undefined : value),
    2,
  );
  return one('margin-export.json', 'application/json', `${content}\n`);
}

export const EXPORT_FORMATS: Record<FormatName, ExportFormat> = {
  markdown: (data, options) =>
    markdownFiles(data, options).map((f) => ({ filename: f.name, content: f.content, mime: 'text/markdown' })),
  csv: (data) => one('margin-highlights.csv', 'text/csv', highlightsCsv(data)),
  w3c: (data) => one('margin-annotations.jsonld', 'application/ld+json', w3cAnnotationsJson(data)),
  bibtex: (data) => one('margin-articles.bib', 'application/x-bibtex', bibtex(data)),
  ris: (data) => one('margin-articles.ris', 'application/x-research-info-systems', ris(data)),
  csl: (data) => one('margin-articles.csl.json', 'application/vnd.citationstyles.csl+json', cslJson(data)),
  json: jsonExport,
};
