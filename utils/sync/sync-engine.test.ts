import { describe, expect, test } from 'vitest';
import { deleteHighlight, getHighlight, listHighlights, updateHighlight } from '@/utils/db/highlights';
import { getPageNote, setPageNote } from '@/utils/db/page-notes';
import { createMemoryRemote, serverFault } from '@/tests/support/memory-remote';
import { resetSyncState } from './local-sync-store';
import { highlightOn, testDevice, visibleState } from '@/tests/support/sync-test-devices';
import type { SyncReport } from './sync-engine';
import { createBackup } from '@/utils/backup/create-backup';
import { serializeBackup } from '@/utils/backup/serialize-backup';
import { MAX_TIME } from '@/utils/db/time-limits';
import { validateBackup } from '@/utils/import/validate-backup';
import { patchArticleReading } from '@/utils/db/article-reading';
import { upsertArticle } from '@/utils/db/articles';
import type { MarginDb } from '@/utils/db/margin-db';
import { applyChange, reportProgress, saveForLater, type ReadingChange } from '@/utils/reading-list/reading-state';

const URL_A = 'https://medium.com/@margin/kubecon-eu-2024-day-two';

/** Two browsers and the folder they share. */
function twoBrowsers() {
  return { remote: createMemoryRemote(), a: testDevice('device-a'), b: testDevice('device-b') };
}

/** Each browser syncs once, in order: enough for one browser's change to reach the other. */
async function syncInTurn(remote: ReturnType<typeof createMemoryRemote>, ...devices: ReturnType<typeof testDevice>[]) {
  for (const d of devices) ok(await d.sync(remote));
}

function ok(result: unknown): SyncReport {
  expect(result).toMatchObject({ status: 'ok' });
  return result as SyncReport;
}

describe('two browsers through one folder', () => {
  test('a highlight with a note made in A appears in B, with its article', async () => {
    const { remote, a, b } = twoBrowsers();
    const h = await highlightOn(a.db, URL_A, 'the hallway track', 'best part of KubeCon');
    ok(await a.sync(remote));
    const report = ok(await b.sync(remote));
    expect(report.changed).toBeGreaterThanOrEqual(2);
    expect(await getHighlight(b.db, h.id)).toMatchObject({ quote: 'the hallway track', note: 'best part of KubeCon' });
    expect((await b.db.articles.get(h.articleId))?.url).toBe(URL_A);
    // Search words are rebuilt on arrival: B finds it by its note.
    expect((await b.db.highlights.where('words').equals('kubecon').toArray()).map((x) => x.id)).toContain(h.id);
  });

  test('a delete in B disappears in A', async () => {
    const { remote, a, b } = twoBrowsers();
    const h = await highlightOn(a.db, URL_A, 'the hallway track');
    await syncInTurn(remote, a, b);
    b.tick();
    expect(await deleteHighlight(b.db, h.id)).toBe(true);
    ok(await b.sync(remote));
    ok(await a.sync(remote));
    expect(await getHighlight(a.db, h.id)).toBeNull();
    expect((await a.db.highlights.get(h.id))?.deletedAt).not.toBeNull();
  });

  test('colour changed in A and tags changed in B both survive (field-level merge)', async () => {
    const { remote, a, b } = twoBrowsers();
    const h = await highlightOn(a.db, URL_A, 'the hallway track');
    await syncInTurn(remote, a, b);
    a.tick(5000);
    b.tick(9000);
    await updateHighlight(a.db, h.id, { colour: 'green' });
    await updateHighlight(b.db, h.id, { tags: ['kubecon'] });
    await syncInTurn(remote, a, b);
    ok(await a.sync(remote));
    for (const device of [a, b])
      expect(await getHighlight(device.db, h.id)).toMatchObject({ colour: 'green', tags: ['kubecon'] });
  });

  test('concurrent note edits keep both versions as a visible conflict in both browsers, until one is picked', async () => {
    const { remote, a, b } = twoBrowsers();
    const h = await highlightOn(a.db, URL_A, 'the hallway track', 'first thought');
    await syncInTurn(remote, a, b);
    a.tick(1000);
    b.tick(2000);
    await updateHighlight(a.db, h.id, { note: 'written in Chrome' });
    await updateHighlight(b.db, h.id, { note: 'written in Firefox' });
    ok(await a.sync(remote));
    const atB = ok(await b.sync(remote));
    expect(atB.conflicts).toBe(1);
    ok(await a.sync(remote));
    for (const device of [a, b]) {
      const here = await getHighlight(device.db, h.id);
      const versions = [here?.note, ...(here?.noteConflicts ?? []).map((c) => c.text)].sort();
      expect(versions).toEqual(['written in Chrome', 'written in Firefox']);
    }
    // The user keeps the Chrome text in B: the conflict is gone everywhere, and it did not come back.
    b.tick(1000);
    await updateHighlight(b.db, h.id, { note: 'written in Chrome', noteConflicts: [] });
    ok(await b.sync(remote));
    ok(await a.sync(remote));
    for (const device of [a, b]) {
      const here = await getHighlight(device.db, h.id);
      expect(here?.note).toBe('written in Chrome');
      expect(here?.noteConflicts ?? []).toEqual([]);
    }
  });

  test('an edit after seeing the other one is no conflict', async () => {
    const { remote, a, b } = twoBrowsers();
    const h = await highlightOn(a.db, URL_A, 'the hallway track', 'v1');
    await syncInTurn(remote, a, b);
    await updateHighlight(b.db, h.id, { note: 'v2 from B' });
    ok(await b.sync(remote));
    ok(await a.sync(remote));
    a.tick();
    await updateHighlight(a.db, h.id, { note: 'v3 from A, after reading v2' });
    await updateHighlight(a.db, h.id, { note: 'v4 from A' });
    ok(await a.sync(remote));
    const atB = ok(await b.sync(remote));
    expect(atB.conflicts).toBe(0);
    expect(await getHighlight(b.db, h.id)).toMatchObject({ note: 'v4 from A' });
    expect((await getHighlight(b.db, h.id))?.noteConflicts ?? []).toEqual([]);
  });

  test('page notes typed in two browsers at once conflict too', async () => {
    const { remote, a, b } = twoBrowsers();
    const h = await highlightOn(a.db, URL_A, 'the hallway track');
    await setPageNote(a.db, h.articleId, 'note v1');
    await syncInTurn(remote, a, b);
    await setPageNote(a.db, h.articleId, 'from A');
    await setPageNote(b.db, h.articleId, 'from B');
    await syncInTurn(remote, a, b);
    const note = await getPageNote(b.db, h.articleId);
    expect([note?.text, ...(note?.noteConflicts ?? []).map((c) => c.text)].sort()).toEqual(['from A', 'from B']);
  });

  test('an edit made while a sync merges is kept and sent', async () => {
    const { remote, a, b } = twoBrowsers();
    const h = await highlightOn(a.db, URL_A, 'the hallway track', 'v1');
    await syncInTurn(remote, a, b);
    a.tick();
    await updateHighlight(a.db, h.id, { colour: 'blue' });
    ok(await a.sync(remote));
    // B edits its note between scanning and merging: the remote colour and the local note both win.
    let edited = false;
    remote.before = (op, path) => {
      if (!edited && op === 'get' && path.startsWith('changes/device-a/')) {
        edited = true;
        void updateHighlight(b.db, h.id, { note: 'typed during sync' });
      }
    };
    ok(await b.sync(remote));
    remote.before = undefined;
    ok(await b.sync(remote));
    ok(await a.sync(remote));
    for (const device of [a, b])
      expect(await getHighlight(device.db, h.id)).toMatchObject({ colour: 'blue', note: 'typed during sync' });
  });
});

describe('failsafe', () => {
  test('a sync that would delete more than 20% of the records stops and asks; confirmed, it goes on', async () => {
    const { remote, a, b } = twoBrowsers();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await highlightOn(a.db, `${URL_A}-${i % 3}`, `passage number ${i}`)).id);
    await syncInTurn(remote, a, b);
    for (const id of ids.slice(0, 20)) await deleteHighlight(a.db, id);
    ok(await a.sync(remote));
    const asked = await b.sync(remote);
    expect(asked).toMatchObject({ status: 'confirm-deletions', deletes: 20 });
    // Nothing was applied while asking.
    expect(await b.db.highlights.filter((x) => x.deletedAt === null).count()).toBe(30);
    ok(await b.sync(remote, { allowMassDelete: true }));
    expect(await b.db.highlights.filter((x) => x.deletedAt === null).count()).toBe(10);
  });

  test('a few deletions never ask', async () => {
    const { remote, a, b } = twoBrowsers();
    const h = await highlightOn(a.db, URL_A, 'only one');
    await syncInTurn(remote, a, b);
    await deleteHighlight(a.db, h.id);
    await syncInTurn(remote, a, b);
  });
});

describe('faults and bad input', () => {
  test('an upload that fails is retried under a new number, and nothing is lost or doubled', async () => {
    const { remote, a, b } = twoBrowsers();
    await highlightOn(a.db, URL_A, 'first');
    remote.before = (op, path) => {
      if (op === 'put' && path.startsWith('changes/')) throw serverFault(path);
    };
    await expect(a.sync(remote)).rejects.toThrow(/503/);
    remote.before = undefined;
    await syncInTurn(remote, a, b);
    expect(await visibleState(b.db)).toEqual(await visibleState(a.db));
    expect([...remote.files.keys()].filter((p) => p.startsWith('changes/device-a/'))).toEqual([
      'changes/device-a/00000002.json',
    ]);
  });

  test('a cut upload of its head that lands late is found and written again, though nothing new is sent', async () => {
    const { remote, a, b } = twoBrowsers();
    await highlightOn(a.db, URL_A, 'first');
    ok(await a.sync(remote));
    const later = await highlightOn(a.db, `${URL_A}-2`, 'second');
    const before = remote.files.get('heads/device-a.json')!;
    ok(await a.sync(remote));
    // The server finishes writing the first part of an earlier head upload after the whole one.
    remote.files.set('heads/device-a.json', before.slice(0, before.length - 5));
    ok(await a.sync(remote));
    ok(await b.sync(remote));
    expect(await getHighlight(b.db, later.id)).not.toBeNull();
    expect((await b.sync(remote)) as SyncReport).toMatchObject({ warnings: [] });
  });

  test('moving both browsers to a new folder keeps which edit came last, field by field', async () => {
    const { remote, a, b } = twoBrowsers();
    const h = await highlightOn(a.db, URL_A, 'passage');
    await syncInTurn(remote, a, b);
    // Offline, B tags the highlight; later A changes its colour (A never saw the tags).
    b.tick(1000);
    await updateHighlight(b.db, h.id, { tags: ['from-b'] });
    a.tick(5000);
    await updateHighlight(a.db, h.id, { colour: 'green' });
    // The user points both browsers at another folder (another server, say).
    await resetSyncState(a.db);
    await resetSyncState(b.db);
    const moved = createMemoryRemote();
    await syncInTurn(moved, a, b, a);
    // A's newer record must not make its older tags look new: B's tag edit is the last one.
    for (const d of [a, b]) expect(await getHighlight(d.db, h.id)).toMatchObject({ tags: ['from-b'], colour: 'green' });
    expect(await visibleState(b.db)).toEqual(await visibleState(a.db));
  });

  test('a damaged change file is reported and skipped; the rest of the sync goes on', async () => {
    const { remote, a, b } = twoBrowsers();
    await highlightOn(a.db, URL_A, 'first');
    ok(await a.sync(remote));
    const good = await highlightOn(a.db, `${URL_A}-2`, 'second');
    ok(await a.sync(remote));
    remote.files.set(
      'changes/device-a/00000001.json',
      new TextEncoder().encode('{"device":"device-a","seq":1,"docs":[{"t":'),
    );
    const report = ok(await b.sync(remote));
    expect(report.warnings.join('\n')).toMatch(/00000001\.json.*not complete JSON/);
    expect(await getHighlight(b.db, good.id)).not.toBeNull();
  });

  test('a doc with hostile content is refused by the same schema as imports; the others are merged', async () => {
    const { remote, a, b } = twoBrowsers();
    const h = await highlightOn(a.db, URL_A, 'fine');
    ok(await a.sync(remote));
    const file = JSON.parse(new TextDecoder().decode(remote.files.get('changes/device-a/00000001.json')!));
    const bad = structuredClone(file.docs.find((d: { t: string }) => d.t === 'highlights'));
    bad.id = '0190f000-0000-7000-8000-000000000001';
    bad.f.colour = ['<script>alert(1)</script>', 1, 'device-a'];
    file.docs.push(bad);
    remote.files.set('changes/device-a/00000001.json', new TextEncoder().encode(JSON.stringify(file)));
    const report = ok(await b.sync(remote));
    expect(report.warnings.join('\n')).toMatch(/highlights:0190f000.*colour/);
    expect(await getHighlight(b.db, h.id)).not.toBeNull();
    expect(await b.db.highlights.get(bad.id)).toBeUndefined();
  });

  test('a folder from a newer Margin is refused with a message saying so', async () => {
    const remote = createMemoryRemote();
    remote.files.set(
      'margin-sync.json',
      new TextEncoder().encode(JSON.stringify({ format: 'margin-sync', version: 9, createdAt: 1, encryption: null })),
    );
    await expect(testDevice('device-a').sync(remote)).rejects.toThrow(/newer version of Margin/);
  });
});

describe('a folder that lies about change numbers', () => {
  const head = (device: string, seq: number) =>
    new TextEncoder().encode(JSON.stringify({ device, seq, at: Date.UTC(2024, 4, 1) }));

  test('a head claiming change 20,000 costs one listing, not a request per number, and the device’s real later changes still arrive', async () => {
    const { remote, a, b } = twoBrowsers();
    await highlightOn(a.db, URL_A, 'first');
    await syncInTurn(remote, a, b);
    remote.files.set('heads/device-a.json', head('device-a', 20_000));
    let requests = 0;
    remote.before = () => void requests++;
    ok(await b.sync(remote));
    expect(requests).toBeLessThan(20);
    remote.before = undefined;
    // A's next change is number 2, far below the lie: B must still read it.
    const later = await highlightOn(a.db, `${URL_A}-2`, 'second');
    await syncInTurn(remote, a, b);
    expect(await getHighlight(b.db, later.id)).not.toBeNull();
  });

  test('a change file that lands after the reader went past its number is still read', async () => {
    const { remote, a, b } = twoBrowsers();
    const made: Awaited<ReturnType<typeof highlightOn>>[] = [];
    for (const quote of ['one', 'two', 'three']) {
      made.push(await highlightOn(a.db, `${URL_A}-${quote}`, quote));
      ok(await a.sync(remote));
    }
    const late = 'changes/device-a/00000002.json';
    const bytes = remote.files.get(late)!;
    remote.files.delete(late); // still on its way to the server
    ok(await b.sync(remote));
    expect(await getHighlight(b.db, made[1]!.id)).toBeNull();
    expect(await getHighlight(b.db, made[2]!.id)).not.toBeNull();
    remote.files.set(late, bytes);
    ok(await b.sync(remote));
    expect(await getHighlight(b.db, made[1]!.id)).not.toBeNull();
  });

  test('a few new change files are read without listing the folder; a skipped one is looked for by listing', async () => {
    const { remote, a, b } = twoBrowsers();
    await highlightOn(a.db, URL_A, 'first');
    await syncInTurn(remote, a, b);
    const requests: string[] = [];
    remote.before = (op, path) => void requests.push(`${op} ${path}`);
    await highlightOn(a.db, `${URL_A}-2`, 'second');
    ok(await a.sync(remote));
    requests.length = 0;
    ok(await b.sync(remote));
    expect(requests.filter((r) => r.startsWith('list changes/'))).toEqual([]);
    expect(requests).toContain('get changes/device-a/00000002.json');

    // A number A reserved but whose upload failed is skipped now, and listed for later.
    remote.before = (op, path) => {
      if (op === 'put' && path === 'changes/device-a/00000003.json') throw serverFault(path);
    };
    await highlightOn(a.db, `${URL_A}-3`, 'third');
    await expect(a.sync(remote)).rejects.toThrow(/503/);
    remote.before = (op, path) => void requests.push(`${op} ${path}`);
    ok(await a.sync(remote));
    requests.length = 0;
    ok(await b.sync(remote));
    expect(requests).toContain('get changes/device-a/00000003.json');
    requests.length = 0;
    ok(await b.sync(remote));
    expect(requests).toContain('list changes/device-a');
    expect(await visibleState(b.db)).toEqual(await visibleState(a.db));
  });

  test('a change file compacted away while its snapshot was still being written is read from the snapshot', async () => {
    const { remote, a, b } = twoBrowsers();
    const compactEachSync = { compactAfter: 1 };
    await highlightOn(a.db, URL_A, 'first');
    ok(await a.sync(remote, compactEachSync));
    ok(await b.sync(remote));
    const second = await highlightOn(a.db, `${URL_A}-2`, 'second');
    ok(await a.sync(remote, compactEachSync)); // change 2, then a snapshot holding it; file 2 deleted
    const manifest = [...remote.files.keys()].find((p) => p.endsWith('/manifest.json'))!;
    const bytes = remote.files.get(manifest)!;
    // B lists the snapshot before its manifest lands, then finds change 2 gone.
    remote.before = (op, path) => {
      if (op === 'get' && path === manifest) remote.files.delete(manifest);
      if (op === 'get' && path === 'changes/device-a/00000002.json') remote.files.set(manifest, bytes);
    };
    ok(await b.sync(remote));
    remote.before = undefined;
    ok(await b.sync(remote));
    ok(await b.sync(remote));
    expect(await getHighlight(b.db, second.id)).not.toBeNull();
  });

  test('a long backlog is read over several syncs, a bounded number of files each', async () => {
    const { remote, a, b } = twoBrowsers();
    const made: Awaited<ReturnType<typeof highlightOn>>[] = [];
    for (let i = 0; i < 5; i++) {
      made.push(await highlightOn(a.db, `${URL_A}-${i}`, `passage ${i}`));
      ok(await a.sync(remote, { compactAfter: 100 }));
    }
    const arrived = async () => (await Promise.all(made.map((h) => getHighlight(b.db, h.id)))).filter(Boolean).length;
    const counts = [];
    for (let i = 0; i < 3; i++) {
      ok(await b.sync(remote, { changeFilesPerSync: 2, compactAfter: 100 }));
      counts.push(await arrived());
    }
    expect(counts).toEqual([2, 4, 5]);
  });
});

describe('a clock far ahead', () => {
  test('a change file stamped at the largest time is refused; the record is not frozen, and each device’s backup restores', async () => {
    const { remote, a, b } = twoBrowsers();
    const h = await highlightOn(a.db, URL_A, 'the hallway track', 'first thought');
    await syncInTurn(remote, a, b);
    // A device (a wrong clock, or anyone who can write to the folder) stamps the note at the end of time.
    const mine = JSON.parse(new TextDecoder().decode(remote.files.get('changes/device-a/00000001.json')!));
    const doc = structuredClone(mine.docs.find((d: { t: string }) => d.t === 'highlights'));
    for (const register of Object.values(doc.f) as unknown[][]) register[1] = MAX_TIME;
    doc.f.note = ['poisoned', MAX_TIME, 'device-z'];
    delete doc.n;
    const encode = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    remote.files.set('changes/device-z/00000001.json', encode({ device: 'device-z', seq: 1, docs: [doc] }));
    remote.files.set('heads/device-z.json', encode({ device: 'device-z', seq: 1, at: 0 }));

    const report = ok(await b.sync(remote));
    expect(report.warnings.join('\n')).toMatch(/more than a day ahead of this browser's clock/);
    expect((await getHighlight(b.db, h.id))?.note).toBe('first thought');
    // The user's next edit, in either browser, reaches the other.
    b.tick();
    await updateHighlight(b.db, h.id, { note: 'second thought' });
    await syncInTurn(remote, b, a);
    expect((await getHighlight(a.db, h.id))?.note).toBe('second thought');
    for (const device of [a, b]) {
      const backup = serializeBackup(await createBackup(device.db, {}));
      expect(validateBackup(backup)).toMatchObject({ ok: true });
    }
  });
});

describe('encryption', () => {
  test('with a passphrase the folder holds only ciphertext, and the other browser reads it with the same passphrase', async () => {
    const { remote, a, b } = twoBrowsers();
    const h = await highlightOn(a.db, URL_A, 'the hallway track', 'secret note');
    ok(await a.sync(remote, { passphrase: 'correct horse' }));
    for (const [path, data] of remote.files) {
      if (path === 'margin-sync.json') continue;
      expect(new TextDecoder().decode(data)).not.toMatch(/secret note|hallway|medium\.com/);
    }
    ok(await b.sync(remote, { passphrase: 'correct horse' }));
    expect(await getHighlight(b.db, h.id)).toMatchObject({ note: 'secret note' });
  });

  test('two browsers creating the encrypted folder at once: the one whose file stayed wins, the other sends again under its key', async () => {
    const { remote, a, b } = twoBrowsers();
    const fromA = await highlightOn(a.db, URL_A, 'written under the first key', 'note A');
    const fromB = await highlightOn(b.db, `${URL_A}-b`, 'written under the second key', 'note B');
    const passphrase = 'correct horse';
    // A creates the folder and syncs; B had started on the empty folder at the same moment,
    // and its format file (another salt) landed after A had read its own back.
    ok(await a.sync(remote, { passphrase }));
    const elsewhere = createMemoryRemote();
    ok(await b.sync(elsewhere, { passphrase }));
    for (const [path, data] of elsewhere.files) remote.files.set(path, data);

    const first = ok(await b.sync(remote, { passphrase }));
    expect(first.warnings.join('\n')).toMatch(/device-a.*could not be decrypted/); // A's files are unreadable under B's key
    ok(await a.sync(remote, { passphrase }));
    const last = ok(await b.sync(remote, { passphrase }));
    ok(await a.sync(remote, { passphrase }));
    expect(last.warnings).toEqual([]);
    for (const device of [a, b]) {
      expect((await getHighlight(device.db, fromA.id))?.note).toBe('note A');
      expect((await getHighlight(device.db, fromB.id))?.note).toBe('note B');
    }
    // And a browser joining now reads everything without a warning.
    const c = testDevice('device-c');
    const joined = ok(await c.sync(remote, { passphrase }));
    expect(joined.warnings).toEqual([]);
    expect(await visibleState(c.db)).toEqual(await visibleState(a.db));
  });

  test('a wrong passphrase is a clear error and changes nothing', async () => {
    const { remote, a, b } = twoBrowsers();
    await highlightOn(a.db, URL_A, 'the hallway track');
    ok(await a.sync(remote, { passphrase: 'correct horse' }));
    await expect(b.sync(remote, { passphrase: 'wrong horse' })).rejects.toThrow(/Wrong passphrase/);
    await expect(b.sync(remote)).rejects.toThrow(/encrypted: enter its passphrase/);
    expect(await b.db.highlights.count()).toBe(0);
  });
});

describe('compaction', () => {
  test('many change files fold into a snapshot; a device joining later reads it and the rest', async () => {
    const { remote, a, b } = twoBrowsers();
    for (let i = 0; i < 6; i++) {
      await highlightOn(a.db, URL_A, `passage ${i}`);
      ok(await a.sync(remote, { compactAfter: 4 }));
      a.tick();
    }
    expect([...remote.files.keys()].some((p) => p.startsWith('snapshots/') && p.endsWith('manifest.json'))).toBe(true);
    expect([...remote.files.keys()].filter((p) => p.startsWith('changes/')).length).toBeLessThan(4);
    const c = testDevice('device-c');
    ok(await c.sync(remote));
    expect((await listHighlights(c.db, (await a.db.articles.toArray())[0]!.id)).length).toBe(6);
    expect(await visibleState(c.db)).toEqual(await visibleState(a.db));
  });

  test('a device that fell behind while another compacted catches up from the snapshot', async () => {
    const { remote, a, b } = twoBrowsers();
    await highlightOn(a.db, URL_A, 'early');
    await syncInTurn(remote, a, b);
    for (let i = 0; i < 5; i++) {
      await highlightOn(a.db, URL_A, `while B was away ${i}`);
      ok(await a.sync(remote, { compactAfter: 3 }));
    }
    ok(await b.sync(remote));
    expect(await visibleState(b.db)).toEqual(await visibleState(a.db));
  });
});

describe('incremental', () => {
  test('syncing 10 changes on a library of 2,000 highlights moves a few kilobytes, not the library', async () => {
    const { remote, a, b } = twoBrowsers();
    const ids: string[] = [];
    for (let i = 0; i < 2000; i++)
      ids.push((await highlightOn(a.db, `${URL_A}-${i % 50}`, `passage ${i} of the article`)).id);
    await syncInTurn(remote, a, b);
    const fullBytes = remote.traffic.sent;
    for (const id of ids.slice(0, 10)) await updateHighlight(a.db, id, { note: 'changed' });
    remote.traffic.sent = 0;
    remote.traffic.received = 0;
    const sent = ok(await a.sync(remote)).sent;
    const atB = ok(await b.sync(remote));
    expect(sent).toBe(10);
    expect(atB.changed).toBe(10);
    const moved = remote.traffic.sent + remote.traffic.received;
    expect(moved).toBeLessThan(50_000);
    expect(moved).toBeLessThan(fullBytes / 50);
  }, 60_000);
});

describe('one page highlighted in two browsers before they synced', () => {
  test('its two articles become one, with every highlight and both page notes', async () => {
    const remote = createMemoryRemote();
    const a = testDevice('device-a');
    const b = testDevice('device-b', Date.UTC(2024, 4, 1) + 60_000);
    const ha = await highlightOn(a.db, URL_A, 'said in Chrome');
    const hb = await highlightOn(b.db, URL_A, 'said in Firefox');
    await setPageNote(a.db, ha.articleId, 'note from Chrome');
    await setPageNote(b.db, hb.articleId, 'note from Firefox');
    await syncInTurn(remote, a, b);
    await syncInTurn(remote, a, b);
    for (const device of [a, b]) {
      const live = await device.db.articles.filter((x) => x.deletedAt === null).toArray();
      expect(live.map((x) => x.id)).toEqual([ha.articleId]);
      expect((await listHighlights(device.db, ha.articleId)).map((h) => h.quote).sort()).toEqual([
        'said in Chrome',
        'said in Firefox',
      ]);
      expect((await getPageNote(device.db, ha.articleId))?.text).toBe('note from Chrome\n\nnote from Firefox');
    }
    expect(await visibleState(b.db)).toEqual(await visibleState(a.db));
  });
});

describe('the reading list', () => {
  /** A change made from the reading list in one browser, as the background applies it. */
  const setReading = (db: MarginDb, id: string, change: ReadingChange) =>
    patchArticleReading(db, id, (x) => applyChange(x, change, db.now()));

  test('archived in A and starred in B at once: both survive, field by field, with progress and tags', async () => {
    const { remote, a, b } = twoBrowsers();
    const article = await upsertArticle(a.db, { pageUrl: URL_A, title: 'KubeCon day two' });
    await patchArticleReading(a.db, article.id, (x) => saveForLater(x, a.db.now()).patch);
    await syncInTurn(remote, a, b);
    expect((await b.db.articles.get(article.id))?.readingStatus).toBe('unread');
    a.tick(5000);
    b.tick(9000); // B's edit is the later one: a whole-record merge would drop A's.
    await patchArticleReading(a.db, article.id, (x) => reportProgress(x, 0.8, 'Closing keynote'));
    await setReading(a.db, article.id, { status: 'archived' });
    await setReading(b.db, article.id, { favourite: true, tags: ['Conferences'] });
    await syncInTurn(remote, a, b);
    ok(await a.sync(remote));
    for (const device of [a, b])
      expect(await device.db.articles.get(article.id)).toMatchObject({
        readingStatus: 'archived',
        favourite: true,
        progress: 0.8,
        resumeQuote: 'Closing keynote',
        articleTags: ['conferences'],
      });
    expect(await visibleState(b.db)).toEqual(await visibleState(a.db));
  });

  test('one page saved for later in two browsers before they synced is one listed article, starred if either starred it', async () => {
    const remote = createMemoryRemote();
    const a = testDevice('device-a');
    const b = testDevice('device-b', Date.UTC(2024, 4, 1) + 60_000);
    const inA = await upsertArticle(a.db, { pageUrl: URL_A, title: 'KubeCon day two' });
    const inB = await upsertArticle(b.db, { pageUrl: URL_A, title: 'KubeCon day two' });
    await setReading(b.db, inB.id, { status: 'unread', favourite: true, tags: ['k8s'] });
    await syncInTurn(remote, a, b);
    await syncInTurn(remote, a, b);
    for (const device of [a, b]) {
      const live = await device.db.articles.filter((x) => x.deletedAt === null).toArray();
      expect(live.map((x) => [x.id, x.readingStatus, x.favourite, x.articleTags])).toEqual([
        [inA.id, 'unread', true, ['k8s']],
      ]);
    }
    expect(await visibleState(b.db)).toEqual(await visibleState(a.db));
  });
});

describe('a first sync of a big library', () => {
  test('goes up once, as a snapshot, and later changes as change files on top of it', async () => {
    const { remote, a, b } = twoBrowsers();
    for (let i = 0; i < 40; i++) await highlightOn(a.db, `${URL_A}-${i % 4}`, `passage ${i}`);
    const small = { docsPerFile: 10, compactAfter: 4 };
    expect(ok(await a.sync(remote, small))).toMatchObject({ compacted: true });
    const paths = [...remote.files.keys()];
    expect(paths.filter((p) => p.startsWith('changes/'))).toEqual([]);
    expect(paths.filter((p) => p.endsWith('manifest.json'))).toHaveLength(1);
    ok(await b.sync(remote, small));
    expect(await b.db.highlights.count()).toBe(40);
    const first = (await a.db.highlights.toArray())[0]!;
    await updateHighlight(a.db, first.id, { note: 'after the snapshot' });
    ok(await a.sync(remote, small));
    ok(await b.sync(remote, small));
    expect(await getHighlight(b.db, first.id)).toMatchObject({ note: 'after the snapshot' });
    expect(await visibleState(b.db)).toEqual(await visibleState(a.db));
  });
});

describe('another device compacting while this one reads', () => {
  test('a change file deleted under the reader is found in the snapshot that replaced it', async () => {
    const { remote, a, b } = twoBrowsers();
    const made: string[] = [];
    for (let i = 0; i < 4; i++) {
      made.push((await highlightOn(a.db, URL_A, `passage ${i}`)).id);
      ok(await a.sync(remote, { compactAfter: 100 }));
    }
    let compactedMeanwhile = false;
    const seenByB = {
      ...remote,
      get: async (path: string) => {
        if (!compactedMeanwhile && path.startsWith('changes/device-a/')) {
          compactedMeanwhile = true;
          await highlightOn(a.db, URL_A, 'one more');
          expect(ok(await a.sync(remote, { compactAfter: 1 })).compacted).toBe(true);
        }
        return remote.get(path);
      },
    };
    ok(await b.sync(seenByB));
    expect(compactedMeanwhile).toBe(true);
    for (const id of made) expect(await getHighlight(b.db, id)).not.toBeNull();
    expect(await b.db.highlights.count()).toBe(5);
  });
});
