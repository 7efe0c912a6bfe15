/**
 * Sending what changed here: dirty docs as numbered change files, then the head that
 * announces them. Nothing is marked sent before the server has it.
 */
import type { SyncDocRow } from '@/utils/db/sync-tables';
import { dirtyRows, countDirty, markSent, readMeta, writeMeta } from './local-sync-store';
import { changePath, headPath } from './remote-layout';
import type { SyncKey } from './sync-crypto';
import { decodeFile, encodeFile, headSchema, type HeadFile } from './sync-files';
import type { ResolvedSyncOptions, SyncOptions } from './sync-options';

export async function push(o: ResolvedSyncOptions, key: SyncKey | null): Promise<number> {
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
    o.progress({ phase: 'sending', done: sent, total });
  }
  const meta = await readMeta(o.db);
  if (meta.sentSeq > meta.headSeq || sent > 0 || (meta.sentSeq > 0 && !(await headSays(o, key, meta.sentSeq)))) {
    await writeHead(o, key, meta.sentSeq);
  }
  return sent;
}

/** Announces this device's changes up to `seq` (the only writer of its head). */
export async function writeHead(o: SyncOptions, key: SyncKey | null, seq: number): Promise<void> {
  const head: HeadFile = { device: o.device, seq, at: Date.now() };
  await o.remote.put(headPath(o.device), await encodeFile(headPath(o.device), head, key));
  await writeMeta(o.db, { headSeq: seq });
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
