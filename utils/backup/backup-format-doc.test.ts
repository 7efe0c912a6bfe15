import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { BACKUP_LIMITS, FIELD_LIMITS } from './backup-limits';
import { validateBackup } from '@/utils/import/validate-backup';
import { RECORD_SCHEMAS } from './backup-schema';
import { TABLE_NAMES } from './backup-format';

const DOC = readFileSync(new URL('../../docs/backup-format.md', import.meta.url), 'utf8');

test('the example in docs/backup-format.md is a valid backup', () => {
  const example = /```json\n([\s\S]*?)```/.exec(DOC)?.[1];
  expect(example).toBeDefined();
  const result = validateBackup(example!);
  expect(result.ok ? [] : [result.message, ...result.problems]).toEqual([]);
  expect(result.ok && result.backup.records.highlights).toHaveLength(2);
});

test('the limits the page states are the ones enforced', () => {
  const n = (x: number) => x.toLocaleString('en');
  expect(DOC).toContain(`over ${BACKUP_LIMITS.maxBytes / 2 ** 20} MB`);
  expect(DOC).toContain(`more than\n${n(BACKUP_LIMITS.maxRecords)} records`);
  expect(DOC).toContain(`deeper than ${BACKUP_LIMITS.maxDepth} levels`);
  expect(DOC).toContain(`longer than ${n(BACKUP_LIMITS.maxStringLength)} characters`);
  for (const [text, limit] of [
    ['URLs', FIELD_LIMITS.url],
    ['device', FIELD_LIMITS.shortText],
    ['saved HTML', FIELD_LIMITS.html],
    ['saved text', FIELD_LIMITS.bodyText],
    ['page note', FIELD_LIMITS.longText],
    ['prefix/suffix', FIELD_LIMITS.context],
    ['resume quote', FIELD_LIMITS.resumeQuote],
    ['reading time', FIELD_LIMITS.readingMinutes],
  ] as const) {
    expect(DOC).toMatch(new RegExp(`${text.replace('/', '\\/')}[^,]* ${n(limit)}`));
  }
});

test('the records table names every field of every record schema', () => {
  for (const table of TABLE_NAMES) {
    const row = new RegExp(`^\\| \`${table}\` \\|(.*)\\|$`, 'm').exec(DOC)?.[1];
    expect(row, table).toBeDefined();
    const sync = ['id', 'createdAt', 'updatedAt', 'deletedAt', 'deviceId'];
    const fields = Object.keys(RECORD_SCHEMAS[table].shape).filter((f) => !sync.includes(f));
    // The saved copy's `id` is its article's; every other field is named in backquotes.
    expect(
      fields.filter((f) => !row!.includes(`\`${f}\``)),
      table,
    ).toEqual([]);
  }
});

test('the example article is on the reading list, so the page shows those fields in use', () => {
  const example = validateBackup(/```json\n([\s\S]*?)```/.exec(DOC)![1]!);
  expect(example.ok && example.backup.records.articles[0]).toMatchObject({ readingStatus: 'reading', favourite: true });
});
