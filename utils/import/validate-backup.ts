/**
 * Reading a backup file someone hands us: size, encoding, JSON syntax, what kind of
 * file it is, its version, then every record against the schema. Pure and
 * synchronous; nothing touches the database until the result is `ok` and the
 * user has seen the preview (`plan-import.ts`). A refused file comes back with a
 * headline and the first few problems, each naming where in the file it is.
 */
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  TABLE_NAMES,
  type BackupRecords,
  type MarginBackup,
  type TableName,
} from '@/utils/backup/backup-format';
import { BACKUP_LIMITS, type BackupLimits } from '@/utils/backup/backup-limits';
import { backupHeaderSchema, RECORD_SCHEMAS } from '@/utils/backup/backup-schema';
import { describeIssue, describeValue } from './describe-issue';
import { inspectJsonTree } from './inspect-json-tree';
import { atPath } from './json-path';
import { locateJsonError } from './locate-json-error';

export type BackupValidation =
  | { ok: true; backup: MarginBackup }
  | {
      ok: false;
      /** One sentence: what is wrong with the file as a whole. */
      message: string;
      /** Up to `maxProblems` specific problems, each starting with its path in the file. */
      problems: string[];
    };

/**
 * @param input - the file's bytes (checked for size before decoding) or its text
 * @param limits - tests lower these; the defaults are `BACKUP_LIMITS`
 */
export function validateBackup(input: string | Uint8Array, limits: Partial<BackupLimits> = {}): BackupValidation {
  const max: BackupLimits = { ...BACKUP_LIMITS, ...limits };
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > max.maxBytes) {
    const [is, limit] =
      formatBytes(size) === formatBytes(max.maxBytes)
        ? [exactBytes(size), exactBytes(max.maxBytes)]
        : [formatBytes(size), formatBytes(max.maxBytes)];
    return refuse(`The file is ${is}; a Margin backup may be at most ${limit}.`);
  }
  const text = decode(input);
  if (text === null) return refuse('The file is not UTF-8 text, so it is not a Margin backup.');
  if (text.trim() === '') return refuse('The file is empty.');

  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const root = parsed.value;

  const kind = checkKind(root);
  if (kind) return kind;
  const counted = checkRecordCount(root as Record<string, unknown>, max.maxRecords);
  if (counted) return counted;

  const treeProblems = inspectJsonTree(root, max);
  if (treeProblems.length > 0) return refuseProblems(treeProblems, max.maxProblems);

  const header = backupHeaderSchema.safeParse(root, { reportInput: true });
  if (!header.success) {
    return refuseProblems(
      header.error.issues.slice(0, max.maxProblems).map((i) => describeIssue(i)),
      max.maxProblems,
    );
  }
  const records = parseRecords(header.data.records, max.maxProblems);
  if (!records.ok) return refuseProblems(records.problems, max.maxProblems);
  const duplicates = findDuplicateIds(records.value, max.maxProblems);
  if (duplicates.length > 0) return refuseProblems(duplicates, max.maxProblems);

  return { ok: true, backup: { ...header.data, records: records.value } };
}

/**
 * Checks records that did not come from a backup file (a W3C or Hypothesis import's
 * `RecordSet`) against the same schemas, limits and duplicate-id rule, so every way
 * into the database passes the same gate. Derived fields (`words`, `host`) are dropped.
 */
export function validateRecordSet(
  records: BackupRecords,
  limits: Partial<BackupLimits> = {},
): { ok: true; records: BackupRecords } | Extract<BackupValidation, { ok: false }> {
  const max: BackupLimits = { ...BACKUP_LIMITS, ...limits };
  const total = TABLE_NAMES.reduce((n, t) => n + records[t].length, 0);
  if (total > max.maxRecords) {
    return refuse(
      `The import holds ${total.toLocaleString('en')} records; an import takes at most ${max.maxRecords.toLocaleString('en')}.`,
    );
  }
  const treeProblems = inspectJsonTree({ records }, max);
  if (treeProblems.length > 0) return refuseProblems(treeProblems, max.maxProblems);
  const parsed = parseRecords(records, max.maxProblems);
  if (!parsed.ok) return refuseProblems(parsed.problems, max.maxProblems);
  const duplicates = findDuplicateIds(parsed.value, max.maxProblems);
  if (duplicates.length > 0) return refuseProblems(duplicates, max.maxProblems);
  return { ok: true, records: parsed.value };
}

/** The refusal as text for a terminal or a dialog: the headline, then one problem a line. */
export function formatRefusal(result: Extract<BackupValidation, { ok: false }>): string {
  return [result.message, ...result.problems.map((p) => `  - ${p}`)].join('\n');
}

function refuse(message: string, problems: string[] = []): Extract<BackupValidation, { ok: false }> {
  return { ok: false, message, problems };
}

function refuseProblems(problems: string[], maxProblems: number): Extract<BackupValidation, { ok: false }> {
  const count =
    problems.length >= maxProblems
      ? `The first ${maxProblems} problems found`
      : problems.length === 1
        ? 'The problem'
        : `The ${problems.length} problems`;
  return refuse(`This backup cannot be imported, and nothing was changed. ${count}:`, problems);
}

function decode(input: string | Uint8Array): string | null {
  if (typeof input === 'string') return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  try {
    // Strips a UTF-8 byte order mark, as editors on Windows write one.
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return null;
  }
}

function parseJson(text: string): { ok: true; value: unknown } | Extract<BackupValidation, { ok: false }> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const where = locateJsonError(text);
    if (!where) return refuse(`The file is not valid JSON (${(error as Error).message}).`);
    const at = `line ${where.line}, column ${where.column}`;
    if (where.truncated) {
      return refuse(
        `The file ends too early, at ${at} (${where.expected} was expected): it was probably cut short while being saved or copied.`,
      );
    }
    return refuse(
      `The file is not valid JSON: at ${at} (character ${where.offset + 1}), ${where.expected} was expected, not ${JSON.stringify(text[where.offset])}.`,
    );
  }
}

/** Is this a Margin backup at all, and one this version can read? */
function checkKind(root: unknown): Extract<BackupValidation, { ok: false }> | null {
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    const annotations = Array.isArray(root) && root.some(looksLikeAnnotation);
    return refuse(
      annotations
        ? 'This is not a Margin backup: it looks like a list of W3C or Hypothesis annotations. Import it as annotations instead.'
        : `This is not a Margin backup: the file holds ${describeValue(root)}, not a backup object.`,
    );
  }
  const { format, version } = root as Record<string, unknown>;
  if (format !== BACKUP_FORMAT) {
    if (looksLikeAnnotation(root) || 'rows' in root) {
      return refuse(
        'This is not a Margin backup: it looks like W3C or Hypothesis annotations. Import it as annotations instead.',
      );
    }
    return refuse(
      format === undefined
        ? `This is not a Margin backup: it has no "format" field (a backup's is "${BACKUP_FORMAT}").`
        : `This is not a Margin backup: its "format" is ${describeValue(format)}, not "${BACKUP_FORMAT}".`,
    );
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refuse(`This backup's "version" must be a whole number from 1; it is ${describeValue(version)}.`);
  }
  if (version > BACKUP_VERSION) {
    return refuse(
      `This backup was made by a newer version of Margin (backup format version ${version}). ` +
        `This version reads version ${BACKUP_VERSION} backups: update Margin, then import the file again.`,
    );
  }
  return null;
}

function looksLikeAnnotation(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return '@context' in v || v.type === 'Annotation' || v.type === 'AnnotationCollection' || 'target' in v;
}

// Before any per-value work: a file with millions of tiny records is refused at once.
function checkRecordCount(
  root: Record<string, unknown>,
  maxRecords: number,
): Extract<BackupValidation, { ok: false }> | null {
  const records = root.records;
  if (typeof records !== 'object' || records === null) return null; // the schema reports it
  let total = 0;
  for (const table of TABLE_NAMES) {
    const list = (records as Record<string, unknown>)[table];
    if (Array.isArray(list)) total += list.length;
  }
  if (total <= maxRecords) return null;
  return refuse(
    `The backup holds ${total.toLocaleString('en')} records; an import takes at most ${maxRecords.toLocaleString('en')}.`,
  );
}

function parseRecords(
  raw: Record<TableName, readonly unknown[]>,
  maxProblems: number,
): { ok: true; value: BackupRecords } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const out: Record<string, unknown[]> = {};
  for (const table of TABLE_NAMES) {
    const schema = RECORD_SCHEMAS[table];
    const list = raw[table];
    const parsed: unknown[] = new Array(list.length);
    for (let i = 0; i < list.length && problems.length < maxProblems; i++) {
      const result = schema.safeParse(list[i], { reportInput: true });
      if (result.success) parsed[i] = result.data;
      else for (const issue of result.error.issues) problems.push(describeIssue(issue, ['records', table, i]));
    }
    out[table] = parsed;
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, maxProblems) };
  return { ok: true, value: out as unknown as BackupRecords };
}

function findDuplicateIds(records: BackupRecords, maxProblems: number): string[] {
  const problems: string[] = [];
  for (const table of TABLE_NAMES) {
    const seen = new Map<string, number>();
    records[table].forEach((record, i) => {
      const first = seen.get(record.id);
      if (first === undefined) seen.set(record.id, i);
      else if (problems.length < maxProblems) {
        problems.push(atPath(['records', table, i, 'id'], `the same id as records.${table}[${first}]`));
      }
    });
  }
  return problems;
}

function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${mb.toFixed(1)} MB` : exactBytes(bytes);
}

function exactBytes(bytes: number): string {
  return `${bytes.toLocaleString('en')} bytes`;
}
