/**
 * `npm run margin -- <command>`: Margin's data outside the browser.
 *
 *   export <backup.json> --format markdown|csv|w3c|bibtex|ris|csl|json --out DIR [--template FILE]
 *     Converts a backup with the same export modules the extension uses;
 *     `--template` gives the Markdown export a template of your own (the language
 *     of `utils/export/markdown-template.ts`, the same as the options page's).
 *   validate <backup.json>
 *     Checks a backup as an import would, and prints what importing it into an
 *     empty database would do.
 *   import <file>... --out backup.json | --dry-run
 *     Converts exports of Pocket, Omnivore, Instapaper, Readwise, Raindrop, Obsidian
 *     Web Clipper or W3C/Hypothesis annotations into one Margin backup, through the
 *     library's import (`import-command.ts`), printing each file's preview.
 *
 * The backup is read through the import's validator: a file the extension would
 * refuse is refused here with the same message. Exit code: 0 done, 1 the backup was
 * refused or could not be read or written, 2 a usage error.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { MarginBackup } from '../utils/backup/backup-format.ts';
import { exportDataFromBackup } from '../utils/export/export-data-from-backup.ts';
import { createMarginDb } from '../utils/db/margin-db.ts';
import { findDanglingReferences } from '../utils/import/check-references.ts';
import { describePlan } from '../utils/import/describe-plan.ts';
import { planImport } from '../utils/import/plan-import.ts';
import { formatRefusal, validateBackup } from '../utils/import/validate-backup.ts';
import { EXPORT_FORMATS, FORMAT_NAMES, isFormatName, type ExportFile } from '../utils/export/export-formats.ts';
import { checkMarkdownTemplate } from '../utils/export/markdown-export.ts';
import { ImportFailure, importFiles } from './import-command.ts';

export const USAGE = [
  'usage: npm run margin -- export <backup.json> --format ' + FORMAT_NAMES.join('|') + ' --out DIR [--template FILE]',
  '       npm run margin -- validate <backup.json>',
  '       npm run margin -- import <export>... (--out backup.json | --dry-run)',
].join('\n');

/** Where output goes; tests capture it. */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

class Failure extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

/** @return the process exit code */
export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  try {
    if (argv[0] === 'import') {
      const { files, out } = parseImport(argv.slice(1));
      await importFiles(files, out, io);
      return 0;
    }
    const { command, file, format, out, template } = parseCommand(argv);
    if (command === 'help') {
      io.out(USAGE);
      return 0;
    }
    const templateSource = template === undefined ? undefined : await readTemplate(template);
    const backup = await readBackup(file);
    if (command === 'validate') await validate(file, backup, io);
    else await exportBackup(backup, format!, out!, io, templateSource);
    return 0;
  } catch (error) {
    if (error instanceof ImportFailure) {
      io.err(error.message);
      return error.exitCode;
    }
    if (!(error instanceof Failure)) throw error;
    io.err(error.exitCode === 2 ? `${error.message}\n${USAGE}` : error.message);
    return error.exitCode;
  }
}

/** `parseArgs`, its complaint a usage error (exit code 2). */
function argsOf<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new Failure((error as Error).message, 2);
  }
}

function parseCommand(argv: string[]) {
  const { values, positionals } = argsOf({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      template: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, file, ...extra] = positionals;
  if (values.help || command === undefined) return { command: 'help' as const, file: '' };
  if (command !== 'export' && command !== 'validate') throw new Failure(`Unknown command "${command}".`, 2);
  if (file === undefined) throw new Failure(`"${command}" needs a backup file.`, 2);
  if (extra.length > 0) throw new Failure(`Unexpected argument "${extra[0]}".`, 2);
  if (command === 'validate') return { command, file };

  if (values.format === undefined) throw new Failure('export needs --format.', 2);
  if (!isFormatName(values.format)) {
    throw new Failure(`Unknown format "${values.format}"; the formats are ${FORMAT_NAMES.join(', ')}.`, 2);
  }
  if (values.out === undefined) throw new Failure('export needs --out DIR.', 2);
  if (values.template !== undefined && values.format !== 'markdown')
    throw new Failure('--template is for --format markdown only.', 2);
  return { command, file, format: values.format, out: values.out, template: values.template };
}

function parseImport(argv: string[]): { files: string[]; out: string | undefined } {
  const { values, positionals } = argsOf({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  });
  if (positionals.length === 0) throw new Failure('"import" needs at least one export file.', 2);
  if (values['dry-run'] && values.out !== undefined)
    throw new Failure('import takes --out FILE or --dry-run, not both.', 2);
  if (!values['dry-run'] && values.out === undefined)
    throw new Failure('import needs --out backup.json (or --dry-run).', 2);
  return { files: positionals, out: values.out };
}

/** A Markdown template file, checked as the options page checks one before saving it. */
async function readTemplate(file: string): Promise<string> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Failure(`Cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}.`, 1);
  }
  const problem = checkMarkdownTemplate(source, 'article');
  if (problem) throw new Failure(`${file}: ${problem.message}`, 1);
  return source;
}

async function readBackup(file: string): Promise<MarginBackup> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Failure(`Cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}.`, 1);
  }
  const result = validateBackup(bytes);
  if (!result.ok) throw new Failure(`${file}: ${formatRefusal(result)}`, 1);
  // On its own, a backup is the whole world: every reference must resolve within it.
  const ids = new Set(result.backup.records.articles.map((a) => a.id));
  const dangling = findDanglingReferences(result.backup.records, (id) => ids.has(id), 10);
  if (dangling.length > 0) {
    throw new Failure(`${file}: This backup cannot be imported:\n${dangling.map((p) => `  - ${p}`).join('\n')}`, 1);
  }
  return result.backup;
}

async function validate(file: string, backup: MarginBackup, io: Io): Promise<void> {
  const db = createMarginDb('margin-cli-validate', { indexedDB: new IDBFactory(), IDBKeyRange });
  try {
    const plan = await planImport(db, backup.records);
    const made = new Date(backup.exportedAt).toISOString();
    io.out(
      `${file}: a valid Margin backup (format version ${backup.version}), made ${made}${backup.device ? ` on device ${backup.device}` : ''}.`,
    );
    io.out('Imported into an empty database:');
    for (const line of describePlan(plan)) io.out(`  ${line}`);
    const settings = Object.keys(backup.settings);
    io.out(`  settings: ${settings.length > 0 ? settings.join(', ') : 'none'}`);
  } finally {
    db.close();
  }
}

async function exportBackup(
  backup: MarginBackup,
  format: keyof typeof EXPORT_FORMATS,
  out: string,
  io: Io,
  template: string | undefined,
): Promise<void> {
  const data = exportDataFromBackup(backup.records, backup.exportedAt);
  const files: ExportFile[] = EXPORT_FORMATS[format](data, template === undefined ? {} : { template });
  const root = resolve(out);
  const targets = files.map((f) => ({ path: safePath(root, f.filename), content: f.content }));
  for (const { path, content } of targets) {
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    } catch (error) {
      throw new Failure(`Cannot write ${path}: ${(error as Error).message}`, 1);
    }
  }
  io.out(`Wrote ${targets.length} ${targets.length === 1 ? 'file' : 'files'} (${format}) to ${root}:`);
  for (const { path } of targets) io.out(`  ${relative(root, path)}`);
}

/** A format's file name as a path inside the output directory, never outside it. */
function safePath(root: string, filename: string): string {
  const path = resolve(root, filename);
  const inside = relative(root, path);
  if (
    filename === '' ||
    isAbsolute(filename) ||
    inside === '' ||
    inside === '..' ||
    inside.startsWith(`..${sep}`) ||
    isAbsolute(inside)
  ) {
    throw new Failure(`Refusing to write "${filename}": it is not a file name inside ${root}.`, 1);
  }
  return path;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
