import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addHighlight, upsertArticle } from '@/utils/db';
import { createBackup } from '@/utils/backup/create-backup';
import { backupChunks } from '@/utils/backup/serialize-backup';
import { selectorsFor, testDb } from '../../tests/support/test-db';
import { NO_FILTERS } from './library-filters';
import { exportedMessage, exportFailedMessage, exportLibrary, importLibrary, readImportFile } from './library-transfer';

async function library() {
  const db = testDb();
  const kube = await upsertArticle(db, { pageUrl: 'https://example.com/kubecon', title: 'KubeCon day two' });
  const bread = await upsertArticle(db, { pageUrl: 'https://example.org/bread', title: 'Sourdough' });
  await addHighlight(db, { articleId: kube.id, selectors: selectorsFor('the hallway track', 0), tags: ['talks'] });
  await addHighlight(db, { articleId: kube.id, selectors: selectorsFor('people over talks', 40) });
  await addHighlight(db, { articleId: bread.id, selectors: selectorsFor('a long rise', 0) });
  return db;
}

const text = (files: { content: string | Uint8Array }[]) => files.map((f) => String(f.content)).join('\n');

describe('exportLibrary', () => {
  it('exports everything, and says how much', async () => {
    const db = await library();
    const result = await exportLibrary(db, { format: 'csv', scope: 'all', query: '', filters: { ...NO_FILTERS } });
    expect(text(result.files)).toContain('the hallway track');
    expect(text(result.files)).toContain('a long rise');
    expect(exportedMessage(result, 'margin-highlights.csv')).toBe(
      'Exported 2 articles and 3 highlights to margin-highlights.csv.',
    );
  });

  it('exports only what the search shows when asked to', async () => {
    const db = await library();
    const result = await exportLibrary(db, {
      format: 'csv',
      scope: 'results',
      query: 'hallway',
      filters: { ...NO_FILTERS },
    });
    expect(text(result.files)).toContain('the hallway track');
    expect(text(result.files)).not.toContain('people over talks');
    expect(text(result.files)).not.toContain('a long rise');
  });

  it('says an export was cancelled, or why it failed', () => {
    expect(exportFailedMessage(new Error('aborted'), true)).toBe('Export cancelled.');
    expect(exportFailedMessage(new Error('disk full'), false)).toBe('Export failed: disk full');
  });
});

describe('importing a file in the library', () => {
  it('shows why a file that is not JSON cannot be imported, and writes nothing', async () => {
    const db = testDb();
    const reading = await readImportFile(db, '{"format": "margin-backup", "version": 1,');
    expect(reading.preview).toBeNull();
    expect(reading.status).toBe(
      'The file ends too early, at line 1, column 42 (a property name in double quotes was expected): it was probably cut short while being saved or copied.',
    );
    expect(await db.articles.count()).toBe(0);
  });

  it('imports a backup, saves its settings, tells the open tabs, and says what it added', async () => {
    const source = await library();
    const backup = [...backupChunks(await createBackup(source, {}))].join('');
    const db = testDb();
    const reading = await readImportFile(db, backup);
    expect(reading.status).toBeNull();
    const told: string[][] = [];
    let settingsSaved = 0;
    const status = await importLibrary(db, reading.preview!, {
      saveSettings: async () => void settingsSaved++,
      notifyImported: async (ids) => void told.push(ids),
    });
    expect(status).toMatch(/^Imported: /);
    expect(await db.highlights.count()).toBe(3);
    expect(told[0]).toHaveLength(2);
    expect(settingsSaved).toBe(1);
  });

  it('says nothing was changed when the import is cancelled', async () => {
    const source = await library();
    const backup = [...backupChunks(await createBackup(source, {}))].join('');
    const db = testDb();
    const reading = await readImportFile(db, backup);
    const cancel = new AbortController();
    cancel.abort();
    const status = await importLibrary(db, reading.preview!, {
      signal: cancel.signal,
      saveSettings: async () => undefined,
      notifyImported: async () => undefined,
    });
    expect(status).toBe('Import cancelled, nothing was changed.');
    expect(await db.highlights.count()).toBe(0);
  });
});
