import { describe, expect, it } from 'vitest';
import { addHighlight, upsertArticle } from '@/utils/db';
import { selectorsFor, testDb } from '@/tests/support/test-db';
import { createBackup } from '@/utils/backup/create-backup';
import { serializeBackup } from '@/utils/backup/serialize-backup';
import { collectExportData } from '@/utils/export/collect-export-data';
import { w3cAnnotationsJson } from '@/utils/export/w3c-annotations';
import { applyImport } from './apply-import';
import { previewImportFile } from './preview-import-file';

async function source() {
  const db = testDb(undefined, undefined, 'source');
  const a = await upsertArticle(db, { pageUrl: 'https://example.com/post', title: 'A post' });
  await addHighlight(db, {
    articleId: a.id,
    selectors: selectorsFor('hallway track', 4),
    note: 'talk to people',
    tags: ['kubecon'],
  });
  return db;
}

describe('previewImportFile', () => {
  it('restores a backup into an empty database, and a second import changes nothing', async () => {
    const text = serializeBackup(
      await createBackup(await source(), { highlightSettings: { defaultColour: 'blue', toolbarOnSelect: true } }),
    );
    const target = testDb(undefined, undefined, 'target');
    const preview = await previewImportFile(target, text);
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.kind).toBe('backup');
    expect(preview.plan.counts.highlights.new).toBe(1);
    expect(preview.settings.highlightSettings?.defaultColour).toBe('blue');
    await applyImport(target, preview.plan);
    expect((await target.highlights.toArray()).map((h) => h.note)).toEqual(['talk to people']);
    const again = await previewImportFile(target, text);
    expect(again.ok && again.plan.totals.new + again.plan.totals.updated).toBe(0);
  });

  it('imports W3C annotations exported by Margin', async () => {
    const text = w3cAnnotationsJson(await collectExportData(await source()));
    const target = testDb(undefined, undefined, 'target');
    const preview = await previewImportFile(target, text);
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.kind).toBe('annotations');
    await applyImport(target, preview.plan);
    const [h] = await target.highlights.toArray();
    expect(h?.quote).toBe('hallway track');
    expect(h?.note).toBe('talk to people');
  });

  it('refuses a file that is neither, naming the problem, and writes nothing', async () => {
    const target = testDb(undefined, undefined, 'target');
    const preview = await previewImportFile(target, '{"hello": "world"}');
    expect(preview.ok).toBe(false);
    expect(!preview.ok && preview.problems.length).toBeGreaterThan(0);
    expect(await target.articles.count()).toBe(0);
  });
});
