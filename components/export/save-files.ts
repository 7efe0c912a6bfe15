/**
 * Hands exported files to the browser as a download, from an extension page: one
 * file as itself, several (Markdown, one per article) as one zip. An `<a download>`
 * on a Blob URL needs no `downloads` permission.
 */
import { zipSync, strToU8 } from 'fflate';
import type { ExportFile } from '@/utils/export/export-formats';

export function saveFiles(files: ExportFile[], zipName: string): string {
  if (files.length === 1) {
    const [file] = files as [ExportFile];
    save(new Blob([file.content as BlobPart], { type: file.mime }), file.filename);
    return file.filename;
  }
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) entries[f.filename] = typeof f.content === 'string' ? strToU8(f.content) : f.content;
  save(new Blob([zipSync(entries, { level: 6 }) as BlobPart], { type: 'application/zip' }), zipName);
  return zipName;
}

export function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the URL by the next task; free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
