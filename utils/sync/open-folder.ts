/**
 * The first step of a sync: read the folder's format file (or write it, for a new
 * folder), repair a copy cut short, and unlock the folder's key. Also where a browser
 * finds that the folder's key is no longer the one it wrote with.
 */
import { readMeta, resetSyncState, writeMeta } from './local-sync-store';
import { RemoteError } from './remote-store';
import { changesDir, FORMAT_FILE, headPath, HEADS_DIR, snapshotDir, SNAPSHOTS_DIR } from './remote-layout';
import { createEncryption, unlockEncryption, type SyncKey } from './sync-crypto';
import { decodeFile, formatFileSchema, SyncFileError, SYNC_FORMAT, SYNC_VERSION, type FormatFile } from './sync-files';
import type { ResolvedSyncOptions, SyncOptions } from './sync-options';

/** @return the folder's key, or null for a folder that is not encrypted */
export async function openFolder(o: ResolvedSyncOptions): Promise<SyncKey | null> {
  const data = await readFormatFile(o);
  const format = await decodeFile(FORMAT_FILE, data, formatFileSchema, null);
  if (format.version > SYNC_VERSION) {
    throw new SyncFileError(
      FORMAT_FILE,
      'was made by a newer version of Margin: update Margin to sync with this folder.',
    );
  }
  const known = (await readMeta(o.db)).format;
  if (known !== null && (await encryptionOf(known)) !== encryptionId(format)) {
    // The folder's key is not the one this browser wrote with: two browsers created
    // the encrypted folder at once and the other's file stayed, or the folder was made
    // anew. What this browser wrote is unreadable to the others, and they may already
    // have read past it: take its files away and send everything again, as a first sync.
    await removeOwnFiles(o);
    await resetSyncState(o.db);
  }
  await writeMeta(o.db, { format: new TextDecoder().decode(data) });
  if (!format.encryption) {
    if (o.passphrase) {
      throw new SyncFileError(
        FORMAT_FILE,
        'says this folder is not encrypted, but a passphrase is set: clear the passphrase, or choose an empty folder to start an encrypted one.',
      );
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

/** The format file's bytes: as the folder holds them, repaired, or newly written. */
async function readFormatFile(o: ResolvedSyncOptions): Promise<Uint8Array> {
  let data = await o.remote.get(FORMAT_FILE);
  if (data && !(await formatReadable(data))) {
    // An upload of this file was cut short (a server keeps what arrived). Before
    // anything else was written nothing depends on it: write it anew. After, the copy
    // this browser kept when it last read it puts it back (the parameters must stay:
    // other browsers' files are encrypted with them).
    const known = (await readMeta(o.db)).format;
    if (known !== null) {
      data = new TextEncoder().encode(known);
      await o.remote.put(FORMAT_FILE, data);
    } else if ((await o.remote.list(HEADS_DIR)).length === 0) {
      data = null;
    } else {
      throw new SyncFileError(
        FORMAT_FILE,
        'is damaged. Sync once from a browser that synced with this folder before: it repairs the file.',
      );
    }
  }
  if (data) return data;
  const enc = o.passphrase ? await createEncryption(o.passphrase, o.kdf) : null;
  const file: FormatFile = {
    format: SYNC_FORMAT,
    version: SYNC_VERSION,
    createdAt: Date.now(),
    encryption: enc?.params ?? null,
  };
  await o.remote.put(FORMAT_FILE, new TextEncoder().encode(JSON.stringify(file)));
  // Two devices starting on an empty folder at once: the one whose file stayed decides.
  const stayed = await o.remote.get(FORMAT_FILE);
  if (!stayed)
    throw new RemoteError('bad-response', 'The server accepted the sync folder settings but does not return them.');
  return stayed;
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

async function formatReadable(data: Uint8Array): Promise<boolean> {
  try {
    await decodeFile(FORMAT_FILE, data, formatFileSchema, null);
    return true;
  } catch {
    return false;
  }
}

/** This browser's head, change files and snapshots (snapshot ids end with the device id). */
async function removeOwnFiles(o: SyncOptions): Promise<void> {
  await o.remote.remove(headPath(o.device));
  await o.remote.remove(changesDir(o.device));
  for (const entry of await o.remote.list(SNAPSHOTS_DIR)) {
    if (entry.type === 'directory' && entry.name.endsWith(`-${o.device}`))
      await o.remote.remove(snapshotDir(entry.name));
  }
}
