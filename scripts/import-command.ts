/**
 * `npm run margin -- import <file>... --out backup.json | --dry-run`: exports of
 * Pocket, Omnivore, Instapaper, Readwise, Raindrop, Obsidian Web Clipper, W3C or
 * Hypothesis annotations (and Margin backups) into one Margin backup, through the
 * library's own import: each file is previewed (`previewImportFile`) and applied
 * (`applyImport`) in turn to an empty in-memory database, whose backup is then
 * written. A file the library would refuse is refused with the same message.
 */
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { WindowLike } from 'dompurify';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import { createBackup } from '../utils/backup/create-backup.ts';
import { backupChunks } from '../utils/backup/serialize-backup.ts';
import { createMarginDb } from '../utils/db/margin-db.ts';
import { applyImport } from '../utils/import/apply-import.ts';
import { describePlan } from '../utils/import/describe-plan.ts';
import { IMPORT_FORMAT_LABELS } from '../utils/import/detect-import-format.ts';
import { previewImportFile } from '../utils/import/preview-import-file.ts';
import { savedPageSanitizer } from '../utils/import/sanitize-saved-page.ts';

export interface ImportIo {
  out: (line: string) => void;
}

/** Why the import stopped; the caller prints it and exits with `exitCode`. */
export class ImportFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

/**
 * @param out - the backup file to write; undefined for a dry run (nothing written)
 */
export async function importFiles(files: string[], out: string | undefined, io: ImportIo): Promise<void> {
  const db = createMarginDb(`margin-cli-import-${process.pid}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const sanitize = savedPageSanitizer(new JSDOM('').window as unknown as WindowLike);
  try {
    for (const file of files) {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(file));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new ImportFailure(
          `Cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}.`,
          1,
        );
      }
      const preview = await previewImportFile(db, bytes, { name: file, sanitize });
      if (!preview.ok)
        throw new ImportFailure(
          `${file}: ${[preview.message, ...preview.problems.map((p) => `  - ${p}`)].join('\n')}`,
          1,
        );
      io.out(`${file}: ${IMPORT_FORMAT_LABELS[preview.kind]}`);
      for (const line of describePlan(preview.plan)) io.out(`  ${line}`);
      for (const warning of preview.warnings) io.out(`  ${warning}`);
      // Applied to the scratch database even in a dry run, so a later file is previewed against the earlier ones.
      await applyImport(db, preview.plan);
    }
    const backup = await createBackup(db, {});
    const live = <T extends { deletedAt: number | null }>(list: T[]) => list.filter((r) => r.deletedAt === null).length;
    const { articles, highlights, pageNotes, articleBodies } = backup.records;
    const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
    const summary = [
      count(live(articles), 'article', 'articles'),
      count(live(highlights), 'highlight', 'highlights'),
      count(live(pageNotes), 'page note', 'page notes'),
      count(live(articleBodies), 'saved copy', 'saved copies'),
    ].join(', ');
    if (out === undefined) {
      io.out(`Dry run: nothing written. A backup would hold ${summary}.`);
      return;
    }
    try {
      const stream = createWriteStream(out);
      for (const chunk of backupChunks(backup))
        if (!stream.write(chunk)) await new Promise<void>((r) => stream.once('drain', () => r()));
      stream.end();
      await finished(stream);
    } catch (error) {
      throw new ImportFailure(`Cannot write ${out}: ${(error as Error).message}`, 1);
    }
    io.out(`Wrote ${out}: a Margin backup of ${summary}.`);
  } finally {
    db.close();
  }
}
