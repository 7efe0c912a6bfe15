/**
 * Folding the folder into a snapshot, so it and each sync stay small.
 */
import type { SyncDocRow } from '@/utils/db/sync-tables';
import { markSent, rowsAfter, writeMeta, type SyncMeta } from './local-sync-store';
import { changesDir, manifestPath, partPath, seqOfChangeFile, snapshotDir } from './remote-layout';
import type { SyncKey } from './sync-crypto';
import { encodeFile, type Manifest } from './sync-files';
import type { ResolvedSyncOptions } from './sync-options';
import { writeHead } from './push-changes';

/**
 * Writes every doc this device holds as a snapshot, then deletes the change files
 * and snapshots it holds. Safe with two devices compacting at once: each only deletes
 * what its own, complete snapshot covers, and a reader that finds a change file gone
 * looks for the snapshot that replaced it.
 */
export async function compact(
  o: ResolvedSyncOptions,
  key: SyncKey | null,
  meta: SyncMeta,
  listed: string[],
  /** The snapshot also carries this device's unsent changes, under a change number of its own. */
  carryChanges = false,
): Promise<void> {
  const id = `${Date.now()}-${o.device}`;
  const total = await o.db.syncDocs.count();
  let ownSeq = meta.sentSeq;
  if (carryChanges) {
    // Reserved like a change file's number, and announced by the head, so every other
    // device sees news from this device and reads the snapshot.
    ownSeq = meta.nextSeq;
    await writeMeta(o.db, { nextSeq: ownSeq + 1 });
  }
  const carried: SyncDocRow[] = [];
  let parts = 0;
  let docs = 0;
  for (let after = ''; ; ) {
    const rows = await rowsAfter(o.db, after, o.docsPerPart);
    if (rows.length === 0) break;
    after = rows.at(-1)!.key;
    const path = partPath(id, parts);
    await o.remote.put(path, await encodeFile(path, { docs: rows.map((r) => r.doc) }, key));
    if (carryChanges) carried.push(...rows.filter((r) => r.dirty === 1));
    parts++;
    docs += rows.length;
    o.progress({ phase: 'compacting', done: docs, total });
  }
  const cover = { ...meta.seen, [o.device]: ownSeq };
  const manifest: Manifest = { id, device: o.device, at: Date.now(), cover, parts, docs };
  await o.remote.put(manifestPath(id), await encodeFile(manifestPath(id), manifest, key));
  if (carryChanges) {
    await markSent(o.db, carried);
    await writeMeta(o.db, { sentSeq: ownSeq });
    await writeHead(o, key, ownSeq);
  }

  for (const [device, upTo] of Object.entries(cover)) {
    for (const entry of await o.remote.list(changesDir(device))) {
      const seq = seqOfChangeFile(entry.name);
      if (seq !== null && seq <= upTo) await o.remote.remove(`${changesDir(device)}/${entry.name}`);
    }
  }
  // Only snapshots whose docs are merged here (and so are in the new one).
  const applied = new Set(meta.appliedSnapshots);
  for (const old of listed) if (applied.has(old) && old !== id) await o.remote.remove(snapshotDir(old));
  await writeMeta(o.db, { appliedSnapshots: [id] });
}
