/**
 * Files built to hurt: zip bombs, archives of a million entries, names that climb
 * out of the archive, script addresses, formulas and markup in CSV cells. Each is
 * refused with a message or read harmlessly; nothing is written when refused.
 */
import { zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { testDb } from '@/tests/support/test-db';
import { previewImportFile } from './preview-import-file';
import { readZip, safeEntryName } from './read-archive';
import { readServiceExport } from './read-service-export';

const enc = (s: string) => new TextEncoder().encode(s);
const CSV = 'title,url,time_added,tags,status\nA,https://example.com/a,1700000000,,unread\n';

describe('zip archives', () => {
  it('refuses an entry that would unpack past the limit, before inflating it', () => {
    // 8 MB of zeros deflates to ~8 KB: the declared size is what is checked.
    const bomb = zipSync({
      'part_000000.csv': enc(CSV),
      'annotations/part_000000.json': new Uint8Array(8 * 1024 * 1024),
    });
    expect(bomb.length).toBeLessThan(20_000);
    const read = readServiceExport(bomb, { name: 'pocket.zip', limits: { entryBytes: 1024 * 1024 } });
    expect(read).toEqual({
      ok: false,
      errors: ['pocket.zip: annotations/part_000000.json would unpack to 8.0 MB; an entry may be at most 1.0 MB'],
    });
  });

  it('cuts an entry whose header understates its size at the size it declared', () => {
    const zip = zipSync({ 'part_000000.csv': new Uint8Array(5_000_000) });
    const view = new DataView(zip.buffer);
    for (let i = 0; i < zip.length - 4; i++) {
      const signature = view.getUint32(i, true);
      if (signature === 0x04034b50) view.setUint32(i + 22, 10, true); // local header: uncompressed size
      if (signature === 0x02014b50) view.setUint32(i + 24, 10, true); // central directory: uncompressed size
    }
    const read = readZip(zip, () => true);
    expect(read.ok && read.entries.get('part_000000.csv')?.length).toBe(10);
  });

  it('refuses an archive whose entries together would unpack past the limit', () => {
    const files: Zippable = {};
    for (let i = 0; i < 5; i++) files[`part_00000${i}.csv`] = new Uint8Array(1000);
    const read = readServiceExport(zipSync(files), { name: 'x.zip', limits: { totalBytes: 4000 } });
    expect(read.ok === false && read.errors[0]).toBe('x.zip: the archive would unpack to more than 0.0 MB');
  });

  it('refuses an archive of too many entries, with the limit in words', () => {
    const files: Zippable = {};
    for (let i = 0; i < 50; i++) files[`images/${i}.png`] = new Uint8Array(1);
    const read = readServiceExport(zipSync(files), { name: 'x.zip', limits: { entries: 20 } });
    expect(read).toEqual({ ok: false, errors: ['x.zip: the archive has more than 20 entries'] });
  });

  it('ignores entries whose names leave the archive, and says so', async () => {
    const zip = zipSync({
      'part_000000.csv': enc(CSV),
      '../part_000001.csv': enc('title,url,time_added,tags,status\nEvil,https://evil.example/,1,,unread\n'),
      '/etc/annotations/part_000000.json': enc('[{"url":"https://evil.example/x","highlights":[{"quote":"x"}]}]'),
    });
    const db = testDb();
    const preview = await previewImportFile(db, zip);
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.plan.records.articles.map((a) => a.pageUrl)).toEqual(['https://example.com/a']);
    expect(preview.warnings.filter((w) => w.includes('points outside the archive'))).toHaveLength(2);
  });

  it('safeEntryName keeps names inside the archive only', () => {
    expect(['a/b.csv', './a.csv', '../a', 'a/../../b', '/abs', 'C:/x', 'a\\..\\b', 'a\0b'].map(safeEntryName)).toEqual([
      'a/b.csv',
      'a.csv',
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('refuses a damaged archive with a message, not a crash', async () => {
    const zip = zipSync({ 'part_000000.csv': enc(CSV) });
    const cut = zip.slice(0, zip.length - 30);
    const preview = await previewImportFile(testDb(), cut, { name: 'cut.zip' });
    expect(preview.ok).toBe(false);
    expect(!preview.ok && preview.problems[0]).toMatch(/^cut\.zip: not a zip archive Margin can read/);
  });

  it('a zip that is no known export says what was expected', () => {
    const read = readServiceExport(zipSync({ 'notes.txt': enc('hi') }), { name: 'x.zip' });
    expect(read.ok === false && read.errors[0]).toMatch(
      /not a Pocket export \(part_000000\.csv\) or an Omnivore export/,
    );
    expect(readZip(zipSync({ 'a.txt': enc('hi') }), () => true)).toMatchObject({ ok: true, names: ['a.txt'] });
  });
});

describe('contents', () => {
  it('refuses javascript:, data: and file: addresses, importing the rest', async () => {
    const csv = [
      'URL,Title,Selection,Folder',
      'javascript:alert(document.cookie),A,,Unread',
      '"data:text/html,<script>alert(1)</script>",B,,Unread',
      'file:///etc/passwd,C,,Unread',
      ' JAVASCRIPT:alert(1),D,,Unread',
      'https://example.com/ok,OK,,Unread',
    ].join('\n');
    const preview = await previewImportFile(testDb(), enc(csv));
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.plan.records.articles.map((a) => a.pageUrl)).toEqual(['https://example.com/ok']);
    expect(preview.warnings.filter((w) => w.includes('not a web (http or https) address'))).toHaveLength(4);
  });

  it('keeps formulas and markup in cells as plain text', () => {
    const csv =
      'URL,Title,Selection,Folder\nhttps://example.com/x,"=cmd|\' /C calc\'!A0 <img src=x onerror=alert(1)>",@SUM(1),Unread\n';
    const read = readServiceExport(enc(csv));
    if (read.ok !== true) throw new Error('refused');
    expect(read.records.articles[0]!.title).toBe("=cmd|' /C calc'!A0 <img src=x onerror=alert(1)>");
    expect(read.records.pageNotes[0]!.text).toBe('@SUM(1)');
  });

  it('names an unterminated quoted CSV field', () => {
    const read = readServiceExport(enc('URL,Title,Selection,Folder\nhttps://example.com/x,"never closed,,Unread\n'), {
      name: 'i.csv',
    });
    expect(read.ok === false && read.errors[0]).toMatch(/^i\.csv row \d+: /);
  });

  it('prototype keys in JSON go nowhere', () => {
    const json =
      '[{"url":"https://example.com/p","__proto__":{"polluted":1},"highlights":[{"text":"q","constructor":{"prototype":{"x":1}}}]}]';
    const read = readServiceExport(enc(json));
    expect(read.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a file that is not UTF-8 is refused', () => {
    const read = readServiceExport(new Uint8Array([0x55, 0x52, 0x4c, 0xff, 0xfe, 0x0a]), { name: 'x.csv' });
    expect(read).toEqual({ ok: false, errors: ['x.csv: not UTF-8 text, nor a zip archive'] });
  });
});
