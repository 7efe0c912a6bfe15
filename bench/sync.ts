/**
 * Sync benchmark, against a real WebDAV server (rclone on 127.0.0.1): a library of
 * about 50,000 records (1,000 articles, 49,000 highlights, page notes, a few saved
 * copies) synced for the first time from browser A, read by a new browser B, then
 * 10 changes synced A → B, median of 5. Bytes are what crossed the wire (request and
 * response bodies, listings included). The baseline beside it is the naive design:
 * uploading the whole library as one backup file on every sync.
 *
 * Databases are fake-indexeddb in Node, so times are Node's, not a browser's.
 * `node --import tsx bench/sync.ts` prints it; `npm run bench` calls `runSyncBench()`.
 */
import { existsSync } from 'node:fs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { serializeBackup } from '../utils/backup/serialize-backup.ts';
import { createMarginDb, type MarginDb } from '../utils/db/margin-db.ts';
import { updateHighlight } from '../utils/db/highlights.ts';
import { applyImport } from '../utils/import/apply-import.ts';
import { planImport } from '../utils/import/plan-import.ts';
import { syncOnce } from '../utils/sync/sync-engine.ts';
import { createWebDavRemote, type Traffic } from '../utils/sync/webdav-remote.ts';
import { RCLONE, startWebDavServer } from '../tests/support/webdav-server.ts';
import { benchBackup } from './import.ts';
import { median } from './stats.ts';

export interface SyncBenchResult {
  records: number;
  first: { uploadMs: number; uploadBytes: number; downloadMs: number; downloadBytes: number };
  incremental: { changes: number; runs: number; pushMs: number; pullMs: number; bytes: number };
  baseline: { backupBytes: number; uploadMs: number };
}

function device(id: string): MarginDb {
  return createMarginDb(`bench-sync-${id}`, { indexedDB: new IDBFactory(), IDBKeyRange, deviceId: id });
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

export async function runSyncBench(runs = 5, changes = 10): Promise<SyncBenchResult | null> {
  if (!existsSync(RCLONE)) return null;
  const server = await startWebDavServer();
  try {
    const traffic: Traffic = { sent: 0, received: 0 };
    const remote = createWebDavRemote({
      url: server.url,
      username: server.username,
      password: server.password,
      folder: 'Margin',
      traffic,
    });
    const moved = () => traffic.sent + traffic.received;
    const reset = () => ((traffic.sent = 0), (traffic.received = 0));

    const backup = benchBackup(1000, 49, 50);
    const a = device('bench-a');
    const b = device('bench-b');
    await applyImport(a, await planImport(a, backup.records));
    const records = (
      await Promise.all(['articles', 'articleBodies', 'highlights', 'pageNotes', 'tags'].map((t) => a.table(t).count()))
    ).reduce((x, y) => x + y, 0);

    reset();
    const [, uploadMs] = await timed(() => syncOnce({ db: a, remote, device: 'bench-a' }));
    const uploadBytes = moved();
    reset();
    const [, downloadMs] = await timed(() => syncOnce({ db: b, remote, device: 'bench-b' }));
    const downloadBytes = moved();

    const ids = (
      await a.highlights
        .filter((h) => h.deletedAt === null)
        .limit(runs * changes)
        .toArray()
    ).map((h) => h.id);
    const push: number[] = [];
    const pull: number[] = [];
    const bytes: number[] = [];
    for (let run = 0; run < runs; run++) {
      for (const id of ids.slice(run * changes, (run + 1) * changes))
        await updateHighlight(a, id, { note: `changed in run ${run}` });
      reset();
      push.push((await timed(() => syncOnce({ db: a, remote, device: 'bench-a' })))[1]);
      const [result, ms] = await timed(() => syncOnce({ db: b, remote, device: 'bench-b' }));
      pull.push(ms);
      bytes.push(moved());
      if (result.status !== 'ok' || result.changed !== changes)
        throw new Error(`B merged ${JSON.stringify(result)}, expected ${changes} changes`);
    }

    // The naive design beside it: the whole library as one file, every sync.
    const text = new TextEncoder().encode(serializeBackup(backup));
    const baselineTimes: number[] = [];
    for (let run = 0; run < runs; run++)
      baselineTimes.push((await timed(() => remote.put('baseline/library.json', text)))[1]);

    a.close();
    b.close();
    return {
      records,
      first: { uploadMs, uploadBytes, downloadMs, downloadBytes },
      incremental: { changes, runs, pushMs: median(push), pullMs: median(pull), bytes: median(bytes) },
      baseline: { backupBytes: text.length, uploadMs: median(baselineTimes) },
    };
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runSyncBench(Number(process.argv[2] ?? 5));
  if (!r) {
    console.log(`skipped: ${RCLONE} is missing (sudo apt-get install rclone)`);
  } else {
    console.log(
      `library: ${r.records.toLocaleString('en')} records; whole-library backup ${r.baseline.backupBytes.toLocaleString('en')} B, uploaded in ${r.baseline.uploadMs.toFixed(0)} ms`,
    );
    console.log(
      `first sync: A uploads in ${(r.first.uploadMs / 1000).toFixed(1)} s (${r.first.uploadBytes.toLocaleString('en')} B); B downloads in ${(r.first.downloadMs / 1000).toFixed(1)} s (${r.first.downloadBytes.toLocaleString('en')} B)`,
    );
    console.log(
      `${r.incremental.changes} changes A → B: push ${r.incremental.pushMs.toFixed(0)} ms, pull ${r.incremental.pullMs.toFixed(0)} ms, ${r.incremental.bytes.toLocaleString('en')} B moved (median of ${r.incremental.runs}) = ${((100 * r.incremental.bytes) / r.baseline.backupBytes).toFixed(3)}% of the whole-library upload`,
    );
  }
}
