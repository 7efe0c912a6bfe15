/**
 * Reading what other devices wrote since this one last read: snapshots it has not
 * merged, then each device's change files that its head announces. Nothing is marked
 * read here; the caller does that once the docs are merged.
 */
import type { SyncMeta } from './local-sync-store';
import { RemoteError, type RemoteStore } from './remote-store';
import {
  changePath,
  changesDir,
  headPath,
  HEADS_DIR,
  isSafeSegment,
  manifestPath,
  partPath,
  seqOfChangeFile,
  SNAPSHOTS_DIR,
} from './remote-layout';
import { addGap, dropGapsUpTo, inGaps, removeGap, type GapRuns } from './change-gaps';
import type { SyncKey } from './sync-crypto';
import type { SyncDoc } from './sync-doc';
import {
  changeFileSchema,
  decodeFile,
  headSchema,
  manifestSchema,
  partSchema,
  SyncFileError,
  type HeadFile,
  type Manifest,
} from './sync-files';
import type { ResolvedSyncOptions } from './sync-options';

/** New change numbers of one device read without listing its folder first (the usual sync reads one or two). */
const DIRECT_READS = 4;

export interface Pulled {
  docs: SyncDoc[];
  seen: Record<string, number>;
  gaps: Record<string, GapRuns>;
  applied: string[];
  /** Each other device's newest change number. */
  heads: Record<string, number>;
  /** Per device, the newest change number in a snapshot listed now. */
  cover: Record<string, number>;
  listedSnapshots: string[];
  warnings: string[];
}

export async function pull(o: ResolvedSyncOptions, key: SyncKey | null, meta: SyncMeta): Promise<Pulled> {
  // A compaction elsewhere may delete change files between our listing and our
  // reads; the snapshot it wrote first holds them, so read again from the top.
  for (let attempt = 0; ; attempt++) {
    const result = await pullOnce(o, key, meta);
    if (result !== 'snapshot-appeared') return result;
    if (attempt === 3)
      throw new RemoteError(
        'bad-response',
        'Another device kept compacting the sync folder while this one read it; try again.',
      );
  }
}

async function pullOnce(
  o: ResolvedSyncOptions,
  key: SyncKey | null,
  meta: SyncMeta,
): Promise<Pulled | 'snapshot-appeared'> {
  const docs: SyncDoc[] = [];
  const warnings: string[] = [];
  const seen = { ...meta.seen };
  const gaps: Record<string, GapRuns> = { ...meta.seenGaps };
  const applied = new Set(meta.appliedSnapshots);
  const cover: Record<string, number> = {};

  const snapshotIds = await listSnapshots(o.remote);
  for (const id of snapshotIds) {
    let manifest: Manifest | null;
    try {
      manifest = await readManifest(o.remote, id, key);
    } catch (error) {
      // A manifest cut short means its compaction stopped before deleting anything.
      warnings.push((error as Error).message);
      continue;
    }
    if (!manifest) continue; // still being written, or being deleted
    for (const [d, seq] of Object.entries(manifest.cover)) cover[d] = Math.max(cover[d] ?? 0, seq);
    if (applied.has(id)) continue;
    const news = Object.entries(manifest.cover).some(([d, seq]) => d !== o.device && seq > (seen[d] ?? 0));
    if (!news && meta.appliedSnapshots.length > 0) {
      applied.add(id);
      continue;
    }
    for (let n = 0; n < manifest.parts; n++) {
      const path = partPath(id, n);
      const data = await o.remote.get(path);
      if (!data) return 'snapshot-appeared'; // deleted under us by a newer compaction
      docs.push(...(await decodeFile(path, data, partSchema, key)).docs);
      o.progress({ phase: 'reading', done: docs.length, total: manifest.docs });
    }
    for (const [d, seq] of Object.entries(manifest.cover)) {
      if (d === o.device) continue;
      seen[d] = Math.max(seen[d] ?? 0, seq);
      if (gaps[d]) gaps[d] = dropGapsUpTo(gaps[d], seq);
    }
    applied.add(id);
  }

  const heads: Record<string, number> = {};
  let budget = o.changeFilesPerSync;
  for (const entry of await o.remote.list(HEADS_DIR)) {
    const device = entry.name.endsWith('.json') ? entry.name.slice(0, -5) : '';
    if (entry.type !== 'file' || !isSafeSegment(device) || device === o.device) continue;
    const data = await o.remote.get(headPath(device));
    if (!data) continue;
    let head: HeadFile;
    try {
      head = await decodeFile(headPath(device), data, headSchema, key);
    } catch (error) {
      warnings.push((error as Error).message);
      continue;
    }
    if (head.device !== device) {
      warnings.push(`${headPath(device)} names another device: ignored.`);
      continue;
    }
    heads[device] = head.seq;
    const skipped = gaps[device] ?? [];
    if (head.seq <= (seen[device] ?? 0) && skipped.length === 0) continue;
    const from = seen[device] ?? 0;
    // A few new numbers are read directly, as they are usually all there; otherwise
    // the folder says which files exist: one listing, however large a number the head
    // claims (a request per number would let a hostile head claim any number), and the
    // only way to find a skipped file that landed late. Only what its head announces
    // is read: a file above it may still be uploading.
    const direct = skipped.length === 0 && head.seq - from <= DIRECT_READS;
    const candidates = direct
      ? Array.from({ length: head.seq - from }, (_, i) => from + 1 + i)
      : (await o.remote.list(changesDir(device)))
          .map((e) => (e.type === 'file' ? seqOfChangeFile(e.name) : null))
          .filter((n): n is number => n !== null && n >= 1 && n <= head.seq && (n > from || inGaps(skipped, n)))
          .sort((a, b) => a - b);
    let lastThere = direct ? from : (candidates.at(-1) ?? from);
    for (const seq of candidates) {
      if (budget-- <= 0) break;
      const path = changePath(device, seq);
      const data = await o.remote.get(path);
      if (!data) {
        const now = await listSnapshots(o.remote);
        if (now.some((id) => !snapshotIds.includes(id))) return 'snapshot-appeared';
      } else {
        if (direct) lastThere = seq;
        try {
          const file = await decodeFile(path, data, changeFileSchema, key);
          if (file.device !== device || file.seq !== seq)
            throw new SyncFileError(path, 'does not belong at this path: refused.');
          docs.push(...file.docs);
        } catch (error) {
          // Announced by its head, so complete when written: damaged since. Its docs may
          // come again in later files; reading on beats stopping every sync here.
          warnings.push((error as Error).message);
        }
      }
      // Not there when read directly: as if not listed. It becomes a skipped number only
      // once a later one is read (below); until then the next sync asks for it again.
      // Marking it read now would let a snapshot that holds it (its file deleted by the
      // compaction that wrote the snapshot) look like no news.
      if (direct && !data) continue;
      const before = seen[device] ?? 0;
      if (seq > before) {
        gaps[device] = addGap(gaps[device] ?? [], before + 1, seq - 1);
        seen[device] = seq;
      } else {
        gaps[device] = removeGap(gaps[device] ?? [], seq);
      }
      o.progress({ phase: 'reading', done: docs.length, total: docs.length });
    }
    // Compaction counts what is really there, not what a head claims.
    heads[device] = Math.min(head.seq, Math.max(from, lastThere));
    if (gaps[device]?.length === 0) delete gaps[device];
  }
  return { docs, seen, gaps, applied: [...applied], heads, cover, listedSnapshots: snapshotIds, warnings };
}

export async function listSnapshots(remote: RemoteStore): Promise<string[]> {
  return (await remote.list(SNAPSHOTS_DIR))
    .filter((e) => e.type === 'directory' && isSafeSegment(e.name))
    .map((e) => e.name)
    .sort();
}

async function readManifest(remote: RemoteStore, id: string, key: SyncKey | null): Promise<Manifest | null> {
  const data = await remote.get(manifestPath(id));
  if (!data) return null;
  const manifest = await decodeFile(manifestPath(id), data, manifestSchema, key);
  if (manifest.id !== id) throw new SyncFileError(manifestPath(id), 'belongs to another snapshot: refused.');
  return manifest;
}
