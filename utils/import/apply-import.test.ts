import Dexie from 'dexie';
import { describe, expect, test } from 'vitest';
import { createBackup } from '@/utils/backup/create-backup';
import { serializeBackup } from '@/utils/backup/serialize-backup';
import { upsertArticle } from '@/utils/db/articles';
import { addHighlight, updateHighlight } from '@/utils/db/highlights';
import type { MarginDb } from '@/utils/db/margin-db';
import { StorageFullError } from '@/utils/db/storage-full-error';
import { selectorsFor, testClock, testDb } from '@/tests/support/test-db';
import { applyImport } from './apply-import';
import { previewBackup } from './import-backup';
import { planImport } from './plan-import';
import {
  article,
  backupText,
  body,
  countWrites,
  dumpDb,
  highlight,
  pageNote,
  recordSet,
  tag,
  uuid,
} from '../../tests/support/test-records';

const FILE = backupText({
  articles: [article(1), article(2, { deletedAt: 7 })],
  articleBodies: [body(1)],
  highlights: [highlight(1, 1, { note: 'one', tags: ['Rust'] }), highlight(2, 1, { deletedAt: 9 })],
  pageNotes: [pageNote(1, 1)],
  tags: [tag(1, 'rust', { colour: 'green' })],
});

async function importText(db: MarginDb, text: string) {
  const preview = await previewBackup(db, text);
  if (!preview.ok) throw new Error(preview.message);
  return applyImport(db, preview.plan);
}

/**
 * Refuses writes to one table below Dexie, the way a full disk does, once switched on.
 * Registered before the database opens: Dexie builds its middleware stack on open.
 */
function failingWrites(db: MarginDb): (table: string, error: () => unknown) => void {
  let failing: { table: string; error: () => unknown } | null = null;
  db.use({
    stack: 'dbcore',
    name: 'fail-writes',
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        return { ...t, mutate: (req) => (failing?.table === name ? Promise.reject(failing.error()) : t.mutate(req)) };
      },
    }),
  });
  return (table, error) => {
    failing = { table, error };
  };
}

test('importing the same file twice changes nothing the second time', async () => {
  const db = testDb();
  const writes = countWrites(db);
  const first = await importText(db, FILE);
  expect(first.totals).toMatchObject({ new: 5, tombstones: 2 });
  const afterFirst = await dumpDb(db);
  const writesAfterFirst = writes();

  const second = await importText(db, FILE);
  expect(second.totals).toEqual({
    new: 0,
    updated: 0,
    deleted: 0,
    unchanged: 7,
    older: 0,
    tombstones: 0,
    conflicts: 0,
  });
  expect(writes()).toBe(writesAfterFirst);
  expect(await dumpDb(db)).toEqual(afterFirst);
});

test('a backup of this database imported into it is all unchanged', async () => {
  const clock = testClock();
  const db = testDb(clock);
  const a = await upsertArticle(db, {
    pageUrl: 'https://example.com/a',
    title: 'A',
    body: { html: '<p>x</p>', text: 'x' },
  });
  await addHighlight(db, { articleId: a.id, selectors: selectorsFor('x', 0), tags: ['t'] });
  const before = await dumpDb(db);
  const applied = await importText(db, serializeBackup(await createBackup(db, {})));
  expect(applied.totals).toMatchObject({ new: 0, updated: 0, unchanged: 4 });
  expect(await dumpDb(db)).toEqual(before);
});

test('a full disk rolls the whole import back', async () => {
  const db = testDb();
  const fail = failingWrites(db);
  await importText(db, backupText({ articles: [article(9)] }));
  const before = await dumpDb(db);
  fail('pageNotes', () => new Dexie.AbortError('aborted', new DOMException('Quota', 'QuotaExceededError')));
  const preview = await previewBackup(db, FILE);
  if (!preview.ok) throw new Error(preview.message);
  await expect(applyImport(db, preview.plan)).rejects.toBeInstanceOf(StorageFullError);
  expect(await dumpDb(db)).toEqual(before);
});

test('any other failure mid-import rolls it back too', async () => {
  const db = testDb();
  const fail = failingWrites(db);
  const before = await dumpDb(db);
  fail('tags', () => new Error('disk on fire'));
  await expect(importText(db, FILE)).rejects.toThrow('disk on fire');
  expect(await dumpDb(db)).toEqual(before);
});

test('a change made between the preview and applying is merged, not overwritten', async () => {
  const clock = testClock(Date.UTC(2025, 0, 1));
  const db = testDb(clock);
  await importText(db, FILE);
  const preview = await previewBackup(
    db,
    backupText({
      articles: [article(1)],
      highlights: [highlight(1, 1, { note: 'from file', updatedAt: Date.UTC(2024, 6, 1) })],
    }),
  );
  if (!preview.ok) throw new Error(preview.message);
  expect(preview.plan.counts.highlights.updated).toBe(1);

  clock.advance(1000);
  await updateHighlight(db, uuid(1001), { note: 'typed meanwhile' }); // newer than the file's copy
  const applied = await applyImport(db, preview.plan);
  expect(applied.counts.highlights).toMatchObject({ updated: 0, older: 1, conflicts: 1 });
  expect((await db.highlights.get(uuid(1001)))?.note).toBe('typed meanwhile');
});

test.each([
  ['malformed JSON', '{"format": "margin-backup",, }'],
  ['a truncated file', FILE.slice(0, FILE.length - 40)],
  ['a future version', FILE.replace('"version":1', '"version":9')],
  ['a wrong format', FILE.replace('"margin-backup"', '"something-else"')],
  ['a __proto__ key', FILE.replace('"title":"Post 1"', '"title":"Post 1","__proto__":{"deletedAt":1}')],
  ['a 50 MB string', FILE.replace('"note":"one"', `"note":"${'x'.repeat(50_000_000)}"`)],
  ['a bad record after good ones', FILE.replace('"colour":"green"', '"colour":"chartreuse"')],
  ['a dangling reference', FILE.replace(`"articleId":"${uuid(1)}"`, `"articleId":"${uuid(404)}"`)],
])('%s is refused and leaves the database exactly as it was', async (_, text) => {
  const db = testDb();
  const writes = countWrites(db);
  await importText(db, backupText({ articles: [article(1, { title: 'Here before' })], highlights: [highlight(7, 1)] }));
  const before = await dumpDb(db);
  const writesBefore = writes();
  const preview = await previewBackup(db, text);
  expect(preview.ok).toBe(false);
  expect(preview.ok ? [] : preview.problems.length + preview.message.length).toBeGreaterThan(0);
  expect(writes()).toBe(writesBefore);
  expect(await dumpDb(db)).toEqual(before);
});

test('records of a RecordSet that are not in the schema are not stored', async () => {
  const db = testDb();
  const records = recordSet({ articles: [{ ...article(1), extra: 'x' } as never] });
  await applyImport(db, await planImport(db, records));
  expect(await db.articles.get(uuid(1))).not.toHaveProperty('extra');
});

test('HTML and script in fields are stored exactly as written, and nothing runs', async () => {
  const db = testDb();
  const script =
    '<script>globalThis.__marginImportPwned = 1</script><img src=x onerror="globalThis.__marginImportPwned = 1">';
  await importText(
    db,
    backupText({
      articles: [article(1, { title: script })],
      articleBodies: [body(1, { html: script })],
      highlights: [highlight(1, 1, { note: script })],
    }),
  );
  expect((await db.articles.get(uuid(1)))?.title).toBe(script);
  expect((await db.articleBodies.get(uuid(1)))?.html).toBe(script);
  expect((await db.highlights.get(uuid(1001)))?.note).toBe(script);
  expect((globalThis as Record<string, unknown>).__marginImportPwned).toBeUndefined();
});

describe('a long import', () => {
  const LONG = backupText({
    articles: [article(1), article(2)],
    highlights: Array.from({ length: 2500 }, (_, i) => highlight(i + 1, (i % 2) + 1)),
  });

  test('reports its progress, chunk by chunk, up to every record written', async () => {
    const db = testDb();
    const preview = await previewBackup(db, LONG);
    if (!preview.ok) throw new Error(preview.message);
    const seen: Array<[number, number]> = [];
    await applyImport(db, preview.plan, { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen).toEqual([
      [0, 2502],
      [2, 2502],
      [1002, 2502],
      [2002, 2502],
      [2502, 2502],
    ]);
    expect(await db.highlights.count()).toBe(2500);
  });

  test('cancelled halfway, it rolls back: nothing is written', async () => {
    const db = testDb();
    await importText(db, backupText({ articles: [article(9)] }));
    const before = await dumpDb(db);
    const preview = await previewBackup(db, LONG);
    if (!preview.ok) throw new Error(preview.message);
    const cancel = new AbortController();
    const run = applyImport(db, preview.plan, {
      signal: cancel.signal,
      onProgress: (done) => done >= 1000 && cancel.abort(),
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(await dumpDb(db)).toEqual(before);
  });

  test('cancelled before it starts, it writes nothing', async () => {
    const db = testDb();
    const preview = await previewBackup(db, LONG);
    if (!preview.ok) throw new Error(preview.message);
    await expect(applyImport(db, preview.plan, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(await db.articles.count()).toBe(0);
  });
});
