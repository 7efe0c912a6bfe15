/**
 * Many articles' Markdown files in one zip, for dropping into an Obsidian vault or
 * a Logseq graph. Built with fflate in memory: an export of every highlight in a
 * large library is a few megabytes of text, which compresses to a fraction.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ExportData } from './export-data';
import { markdownFiles, type MarkdownOptions } from './markdown-export';

export interface MarkdownZipOptions extends MarkdownOptions {
  /** Folder inside the zip holding the files, so unzipping makes one folder; '' for none. Default `Margin`. */
  folder?: string;
}

// Zip stores times in MS-DOS format, which starts in 1980 (and fflate refuses earlier ones).
const EARLIEST_ZIP_TIME = Date.UTC(1980, 0, 2);

/**
 * @return the zip's bytes, one `.md` file per article, dated the export's time
 * @throws TemplateError when the template is malformed or names an unknown field
 */
export function markdownZip(data: ExportData, options: MarkdownZipOptions = {}): Uint8Array {
  const folder = (options.folder ?? 'Margin').replace(/[\\/]+/g, '-');
  const mtime = new Date(Math.max(data.exportedAt, EARLIEST_ZIP_TIME));
  const files: Zippable = {};
  for (const file of markdownFiles(data, options)) files[file.name] = [strToU8(file.content), { mtime }];
  return zipSync(folder ? { [folder]: files } : files, { level: 6, mtime });
}
