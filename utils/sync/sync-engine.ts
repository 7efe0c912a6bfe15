/**
 * One sync: read what other devices wrote since last time, merge it, send what
 * changed here, and now and then fold everything into a snapshot so the folder and
 * each sync stay small. Pure over a `RemoteStore` and the database: the background
 * runs it on a timer, tests run it against a real WebDAV server.
 *
 * Safe to stop at any point (a closed laptop, a cut connection): nothing is marked
 * read before it is merged, nothing marked sent before the server has it, and a
 * change number is never reused, so the next sync picks up where this one failed.
 */
import type { MarginDb } from '@/utils/db/margin-db';
import { compact } from './compact-folder';
import { countDeletions, countDirty, mergeRemoteDocs, readMeta, scanLocalChanges, writeMeta } from './local-sync-store';
import { openFolder } from './open-folder';
import { pull } from './pull-changes';
import { push } from './push-changes';
import { isSafeSegment } from './remote-layout';
import { resolveSyncOptions, type SyncOptions } from './sync-options';

export type { SyncOptions, SyncProgress } from './sync-options';

export interface SyncReport {
  status: 'ok';
  /** Docs read from other devices. */
  received: number;
  /** Records changed here by the merge. */
  changed: number;
  /** Docs sent. */
  sent: number;
  /** Notes that gained a conflict. */
  conflicts: number;
  compacted: boolean;
  /** Files or records refused, each with why; the rest of the sync went on. */
  warnings: string[];
}

export interface DeletionCheck {
  status: 'confirm-deletions';
  deletes: number;
  live: number;
}

export type SyncResult = SyncReport | DeletionCheck;

export async function syncOnce(options: SyncOptions): Promise<SyncResult> {
  const o = resolveSyncOptions(options);
  if (!isSafeSegment(o.device)) throw new Error(`Not a usable device id: ${o.device}`);
  const key = await openFolder(o);

  await scanLocalChanges(o.db, o.device);
  const pulled = await pull(o, key, await readMeta(o.db));

  if (!o.allowMassDelete) {
    const { deletes, live } = await countDeletions(o.db, pulled.docs);
    if (deletes >= o.failsafeMin && deletes > live * o.failsafeShare)
      return { status: 'confirm-deletions', deletes, live };
  }
  o.progress({ phase: 'merging', done: 0, total: pulled.docs.length });
  const merged = await mergeRemoteDocs(o.db, pulled.docs, o.device);
  await writeMeta(o.db, { seen: pulled.seen, seenGaps: pulled.gaps, appliedSnapshots: pulled.applied });
  o.progress({ phase: 'merging', done: pulled.docs.length, total: pulled.docs.length });
  const report = (sent: number, compacted: boolean): SyncReport => ({
    status: 'ok',
    received: pulled.docs.length,
    changed: merged.changed,
    sent,
    conflicts: merged.conflicts,
    compacted,
    warnings: [...pulled.warnings, ...merged.refused.map((r) => `${r.key} refused: ${r.message}`)],
  });

  // A first sync of a big library goes straight into a snapshot: as change files
  // it would be uploaded twice (the files, then the compaction of them).
  const dirty = await countDirty(o.db);
  if (dirty >= (o.compactAfter * o.docsPerFile) / 4) {
    await compact(o, key, await readMeta(o.db), pulled.listedSnapshots, true);
    return report(dirty, true);
  }
  const sent = await push(o, key);
  const after = await readMeta(o.db);
  const waiting =
    Object.entries(pulled.heads).reduce((n, [d, seq]) => n + Math.max(0, seq - (pulled.cover[d] ?? 0)), 0) +
    Math.max(0, after.sentSeq - (pulled.cover[o.device] ?? 0));
  const compacted = waiting >= o.compactAfter;
  if (compacted) await compact(o, key, after, pulled.listedSnapshots);
  return report(sent, compacted);
}

/** What sync would tell a status line: changes made here not yet sent. */
export async function pendingChanges(db: MarginDb, device: string): Promise<number> {
  await scanLocalChanges(db, device);
  return countDirty(db);
}
