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
import type { SyncDocRow } from '@/utils/db/sync-tables';
import {
  countDeletions,
  dirtyRows,
  markSent,
  mergeRemoteDocs,
  readMeta,
  resetSyncState,
  scanLocalChanges,
  writeMeta,
  rowsAfter,
  countDirty,
  type SyncMeta,
} from './local-sync-store';
import { RemoteError, type RemoteStore } from './remote-store';
import {
  changePath,
  changesDir,
  FORMAT_FILE,
  headPath,
  HEADS_DIR,
  isSafeSegment,
  manifestPath,
  partPath,
  seqOfChangeFile,
  snapshotDir,
  SNAPSHOTS_DIR,
} from './remote-layout';
import { addGap, dropGapsUpTo, inGaps, removeGap, type GapRuns } from './change-gaps';
import { createEncryption, unlockEncryption, type KdfOptions, type SyncKey } from './sync-crypto';
import type { SyncDoc } from './sync-doc';
import {
  changeFileSchema,
  decodeFile,
  encodeFile,
  formatFileSchema,
  headSchema,
  manifestSchema,
  partSchema,
  SyncFileError,
  SYNC_FORMAT,
  SYNC_VERSION,
  type FormatFile,
  type HeadFile,
  type Manifest,
} from './sync-files';

export interface SyncOptions {
  db: MarginDb;
  remote: RemoteStore;
  /** This browser's id (a UUID): names its head and change files. */
  device: string;
  /** Encrypts a new folder, unlocks an encrypted one. */
  passphrase?: string | null;
  /** Go ahead although the merge deletes more than `failsafeShare` of the records (the user said yes). */
  allowMassDelete?: boolean;
  /** Share of live records a sync may delete before it stops and asks (Floccus: 20%). */
  failsafeShare?: number;
  /** Fewer deletions than this never ask (deleting 2 of 5 highlights is normal use). */
  failsafeMin?: number;
  /** Docs per change file. */
  docsPerFile?: number;
  /** Docs per snapshot part. */
  docsPerPart?: number;
  /** Compact when the change files not yet in a snapshot reach this many. */
  compactAfter?: number;
  /** Change files read in one sync at most; the rest wait for the next (a huge backlog is not one endless sync). */
  changeFilesPerSync?: number;
  /** Key cache across syncs: deriving the key takes a third of a second. */
  keys?: Map<string, SyncKey>;
  kdf?: KdfOptions & { iterations?: number };
  onProgress?: (progress: SyncProgress) => void;
}

export interface SyncProgress {
  phase: 'reading' | 'merging' | 'sending' | 'compacting';
  done: number;
  total: number;
}

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

const DEFAULTS = { failsafeShare: 0.2, failsafeMin: 10, docsPerFile: 500, docsPerPart: 2000, compactAfter: 32, changeFilesPerSync: 1000 };

export async function syncOnce(options: SyncOptions): Promise<SyncResult> {
  const o = { ...DEFAULTS, ...options };
  if (!isSafeSegment(o.device)) throw new Error(`Not a usable device id: ${o.device}`);
  const key = await openFolder(o);
  const progress = o.onProgress ?? (() => {});

  await scanLocalChanges(o.db, o.device);
  const meta = await readMeta(o.db);
  const pulled = await pull(o, key, meta, progress);

  if (!o.allowMassDelete) {
    const { deletes, live } = await countDeletions(o.db, pulled.docs);
    if (deletes >= o.failsafeMin && deletes > live * o.failsafeShare) return { status: 'confirm-deletions', deletes, live };
  }
  progress({ phase: 'merging', done: 0, total: pulled.docs.length });
  const merged = await mergeRemoteDocs(o.db, pulled.docs, o.device);
  await writeMeta(o.db, { seen: pulled.seen, seenGaps: pulled.gaps, appliedSnapshots: pulled.applied });
  progress({ phase: 'merging', done: pulled.docs.length, total: pulled.docs.length });

  // A first sync of a big library goes straight into a snapshot: as change files
  // it would be uploaded twice (the files, then the compaction of them).
  const dirty = await countDirty(o.db);
  if (dirty >= (o.compactAfter * o.docsPerFile) / 4) {
    await compact(o, key, await readMeta(o.db), pulled.listedSnapshots, progress, true);
    return {
      status: 'ok',
      received: pulled.docs.length,
      changed: merged.changed,
      sent: dirty,
      conflicts: merged.conflicts,
      compacted: true,
      warnings: [...pulled.warnings, ...merged.refused.map((r) => `${r.key} refused: ${r.message}`)],
    };
  }
  const sent = await push(o, key, progress);
  const after = await readMeta(o.db);
  let compacted = false;
  const waiting = Object.entries(pulled.heads).reduce((n, [d, seq]) => n + Math.max(0, seq - (pulled.cover[d] ?? 0)), 0) +
    Math.max(0, after.sentSeq - (pulled.cover[o.device] ?? 0));
  if (waiting >= o.compactAfter) {
    await compact(o, key, after, pulled.listedSnapshots, progress);
    compacted = true;
  }
  return {
    status: 'ok',
    received: pulled.docs.length,
    changed: merged.changed,
    sent,
    conflicts: merged.conflicts,
    compacted,
    warnings: [...pulled.warnings, ...merged.refused.map((r) => `${r.key} refused: ${r.message}`)],
  };
}

/** What sync would tell a status line: changes made here not yet sent. */
export async function pendingChanges(db: MarginDb, device: string): Promise<number> {
  await scanLocalChanges(db, device);
  return countDirty(db);
}

// ---- the folder ----

async function openFolder(o: SyncOptions & typeof DEFAULTS): Promise<SyncKey | null> {
  let data = await o.remote.get(FORMAT_FILE);
  if (data && !(await formatReadable(data))) {
    // An upload of this file was cut short (a server keeps what arrived). Before
    // anything else was written nothing depends on it: write it anew. After, the copy
    // this browser kept when it last read it puts it back (the parameters must stay:
    // other browsers' files are encrypted with them).
    const known = (await o.db.syncMeta.get('format'))?.value;
    if (typeof known === 'string') {
      data = new TextEncoder().encode(known);
      await o.remote.put(FORMAT_FILE, data);
    } else if ((await o.remote.list(HEADS_DIR)).length === 0) {
      data = null;
    } else {
      throw new SyncFileError(FORMAT_FILE, 'is damaged. Sync once from a browser that synced with this folder before: it repairs the file.');
    }
  }
  if (!data) {
    const enc = o.passphrase ? await createEncryption(o.passphrase, o.kdf) : null;
    const file: FormatFile = { format: SYNC_FORMAT, version: SYNC_VERSION, createdAt: Date.now(), encryption: enc?.params ?? null };
    await o.remote.put(FORMAT_FILE, new TextEncoder().encode(JSON.stringify(file)));
    // Two devices starting on an empty folder at once: the one whose file stayed decides.
    data = await o.remote.get(FORMAT_FILE);
    if (!data) throw new RemoteError('bad-response', 'The server accepted the sync folder settings but does not return them.');
  }
  const format = await decodeFile(FORMAT_FILE, data, formatFileSchema, null);
  if (format.version > SYNC_VERSION) {
    throw new SyncFileError(FORMAT_FILE, 'was made by a newer version of Margin: update Margin to sync with this folder.');
  }
  const text = new TextDecoder().decode(data);
  const known = (await o.db.syncMeta.get('format'))?.value;
  if (typeof known === 'string' && (await encryptionOf(known)) !== encryptionId(format)) {
    // The folder's key is not the one this browser wrote with: two browsers created
    // the encrypted folder at once and the other's file stayed, or the folder was made
    // anew. What this browser wrote is unreadable to the others, and they may already
    // have read past it: take its files away and send everything again, as a first sync.
    await removeOwnFiles(o);
    await resetSyncState(o.db);
  }
  await o.db.syncMeta.put({ key: 'format', value: text });
  if (!format.encryption) {
    if (o.passphrase) {
      throw new SyncFileError(FORMAT_FILE, 'says this folder is not encrypted, but a passphrase is set: clear the passphrase, or choose an empty folder to start an encrypted one.');
    }
    return null;
  }
  const cacheKey = `${format.encryption.salt}:${format.encryption.check}:${o.passphrase ?? ''}`;
  const cached = o.keys?.get(cacheKey);
  if (cached) return cached;
  const key = await unlockEncryption(o.passphrase, format.encryption, o.kdf);
  o.keys?.set(cacheKey, key);
  return key;
}

/** The encryption a format file names: its salt, or '' for a plain folder. */
function encryptionId(format: FormatFile): string {
  return format.encryption ? `${format.encryption.salt}:${format.encryption.check}` : '';
}

async function encryptionOf(text: string): Promise<string | null> {
  try {
    return encryptionId(await decodeFile(FORMAT_FILE, new TextEncoder().encode(text), formatFileSchema, null));
  } catch {
    return null;
  }
}

/** This browser's head, change files and snapshots (snapshot ids end with the device id). */
async function removeOwnFiles(o: SyncOptions): Promise<void> {
  await o.remote.remove(headPath(o.device));
  await o.remote.remove(changesDir(o.device));
  for (const entry of await o.remote.list(SNAPSHOTS_DIR)) {
    if (entry.type === 'directory' && entry.name.endsWith(`-${o.device}`)) await o.remote.remove(snapshotDir(entry.name));
  }
}

async function formatReadable(data: Uint8Array): Promise<boolean> {
  try {
    await decodeFile(FORMAT_FILE, data, formatFileSchema, null);
    return true;
  } catch {
    return false;
  }
}

// ---- reading ----

interface Pulled {
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

async function pull(o: SyncOptions & typeof DEFAULTS, key: SyncKey | null, meta: SyncMeta, progress: (p: SyncProgress) => void): Promise<Pulled> {
  // A compaction elsewhere may delete change files between our listing and our
  // reads; the snapshot it wrote first holds them, so read again from the top.
  for (let attempt = 0; ; attempt++) {
    const result = await pullOnce(o, key, meta, progress);
    if (result !== 'snapshot-appeared') return result;
    if (attempt === 3) throw new RemoteError('bad-response', 'Another device kept compacting the sync folder while this one read it; try again.');
  }
}

async function pullOnce(
  o: SyncOptions & typeof DEFAULTS,
  key: SyncKey | null,
  meta: SyncMeta,
  progress: (p: SyncProgress) => void,
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
      progress({ phase: 'reading', done: docs.length, total: manifest.docs });
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
    // The folder says which files exist: one listing, however large a number the head
    // claims (counting up to it would be a request per number, and a hostile head can
    // claim any number). Only what its head announces is read: a file above it may
    // still be uploading.
    const present = (await o.remote.list(changesDir(device)))
      .map((e) => (e.type === 'file' ? seqOfChangeFile(e.name) : null))
      .filter((n): n is number => n !== null && n >= 1 && n <= head.seq && (n > (seen[device] ?? 0) || inGaps(skipped, n)))
      .sort((a, b) => a - b);
    // Compaction counts what is really there, not what a head claims.
    heads[device] = Math.min(head.seq, Math.max(seen[device] ?? 0, present.at(-1) ?? 0));
    for (const seq of present) {
      if (budget-- <= 0) break;
      const path = changePath(device, seq);
      const data = await o.remote.get(path);
      if (!data) {
        const now = await listSnapshots(o.remote);
        if (now.some((id) => !snapshotIds.includes(id))) return 'snapshot-appeared';
      } else {
        try {
          const file = await decodeFile(path, data, changeFileSchema, key);
          if (file.device !== device || file.seq !== seq) throw new SyncFileError(path, 'does not belong at this path: refused.');
          docs.push(...file.docs);
        } catch (error) {
          // Announced by its head, so complete when written: damaged since. Its docs may
          // come again in later files; reading on beats stopping every sync here.
          warnings.push((error as Error).message);
        }
      }
      const before = seen[device] ?? 0;
      if (seq > before) {
        gaps[device] = addGap(gaps[device] ?? [], before + 1, seq - 1);
        seen[device] = seq;
      } else {
        gaps[device] = removeGap(gaps[device] ?? [], seq);
      }
      progress({ phase: 'reading', done: docs.length, total: docs.length });
    }
    if (gaps[device]?.length === 0) delete gaps[device];
  }
  return { docs, seen, gaps, applied: [...applied], heads, cover, listedSnapshots: snapshotIds, warnings };
}

async function listSnapshots(remote: RemoteStore): Promise<string[]> {
  return (await remote.list(SNAPSHOTS_DIR)).filter((e) => e.type === 'directory' && isSafeSegment(e.name)).map((e) => e.name).sort();
}

async function readManifest(remote: RemoteStore, id: string, key: SyncKey | null): Promise<Manifest | null> {
  const data = await remote.get(manifestPath(id));
  if (!data) return null;
  const manifest = await decodeFile(manifestPath(id), data, manifestSchema, key);
  if (manifest.id !== id) throw new SyncFileError(manifestPath(id), 'belongs to another snapshot: refused.');
  return manifest;
}

// ---- sending ----

async function push(o: SyncOptions & typeof DEFAULTS, key: SyncKey | null, progress: (p: SyncProgress) => void): Promise<number> {
  let sent = 0;
  const total = await countDirty(o.db);
  for (;;) {
    const rows: SyncDocRow[] = await dirtyRows(o.db, o.docsPerFile);
    if (rows.length === 0) break;
    const meta = await readMeta(o.db);
    const seq = meta.nextSeq;
    // Reserved before the upload: a failed upload's number is never reused, so no
    // device can have read a different file under it.
    await writeMeta(o.db, { nextSeq: seq + 1 });
    const path = changePath(o.device, seq);
    try {
      await o.remote.put(path, await encodeFile(path, { device: o.device, seq, docs: rows.map((r) => r.doc) }, key));
    } catch (error) {
      await o.remote.remove(path).catch(() => {});
      throw error;
    }
    await markSent(o.db, rows);
    await writeMeta(o.db, { sentSeq: seq });
    sent += rows.length;
    progress({ phase: 'sending', done: sent, total });
  }
  const meta = await readMeta(o.db);
  const headSeq = (await readMetaValue(o.db, 'headSeq')) ?? 0;
  if (meta.sentSeq > headSeq || sent > 0 || (meta.sentSeq > 0 && !(await headSays(o, key, meta.sentSeq)))) {
    const head: HeadFile = { device: o.device, seq: meta.sentSeq, at: Date.now() };
    await o.remote.put(headPath(o.device), await encodeFile(headPath(o.device), head, key));
    await o.db.syncMeta.put({ key: 'headSeq', value: meta.sentSeq });
  }
  return sent;
}

/**
 * Whether this browser's head in the folder announces `seq`. An upload of the head
 * that was cut can still land after a later, whole one (the server finishes writing
 * what it got): the folder then holds a damaged or older head, other browsers stop
 * reading this one's changes, and with nothing new to send it would never be written
 * again. One small read a sync finds that and writes the head anew.
 */
async function headSays(o: SyncOptions, key: SyncKey | null, seq: number): Promise<boolean> {
  const data = await o.remote.get(headPath(o.device));
  if (!data) return false;
  try {
    const head = await decodeFile(headPath(o.device), data, headSchema, key);
    return head.device === o.device && head.seq === seq;
  } catch {
    return false;
  }
}

async function readMetaValue(db: MarginDb, key: string): Promise<number | undefined> {
  const row = await db.syncMeta.get(key);
  return typeof row?.value === 'number' ? row.value : undefined;
}

// ---- compaction ----

/**
 * Writes every doc this device holds as a snapshot, then deletes the change files
 * and snapshots it holds. Safe with two devices compacting at once: each only deletes
 * what its own, complete snapshot covers, and a reader that finds a change file gone
 * looks for the snapshot that replaced it.
 */
async function compact(
  o: SyncOptions & typeof DEFAULTS,
  key: SyncKey | null,
  meta: SyncMeta,
  listed: string[],
  progress: (p: SyncProgress) => void,
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
    progress({ phase: 'compacting', done: docs, total });
  }
  const cover = { ...meta.seen, [o.device]: ownSeq };
  const manifest: Manifest = { id, device: o.device, at: Date.now(), cover, parts, docs };
  await o.remote.put(manifestPath(id), await encodeFile(manifestPath(id), manifest, key));
  if (carryChanges) {
    await markSent(o.db, carried);
    await writeMeta(o.db, { sentSeq: ownSeq });
    const head: HeadFile = { device: o.device, seq: ownSeq, at: Date.now() };
    await o.remote.put(headPath(o.device), await encodeFile(headPath(o.device), head, key));
    await o.db.syncMeta.put({ key: 'headSeq', value: ownSeq });
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
