import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { BACKUP_LIMITS, FIELD_LIMITS } from './backup-limits';
import { validateBackup } from '@/utils/import/validate-backup';

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
  ] as const) {
    expect(DOC).toMatch(new RegExp(`${text.replace('/', '\\/')}[^,]* ${n(limit)}`));
  }
});
