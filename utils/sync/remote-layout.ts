/**
 * Where sync keeps things in the user's folder. Each device writes only its own
 * files (its head and its change files), so two browsers never overwrite each other
 * and no file needs a lock; the only files one device deletes that another wrote are
 * change files and snapshots that a newer snapshot already holds.
 *
 *   margin-sync.json                     format version; encryption parameters if encrypted
 *   heads/<device>.json                  the device's newest change number (written after that file)
 *   changes/<device>/<seq>.json          a batch of docs the device changed, seq from 1, never rewritten
 *   snapshots/<id>/part-<n>.json         compaction: every doc, in parts
 *   snapshots/<id>/manifest.json         written last: the snapshot exists once this does
 */
export const FORMAT_FILE = 'margin-sync.json';
export const HEADS_DIR = 'heads';
export const CHANGES_DIR = 'changes';
export const SNAPSHOTS_DIR = 'snapshots';

export const headPath = (device: string) => `${HEADS_DIR}/${device}.json`;
export const changesDir = (device: string) => `${CHANGES_DIR}/${device}`;
export const changePath = (device: string, seq: number) => `${changesDir(device)}/${String(seq).padStart(8, '0')}.json`;
export const snapshotDir = (id: string) => `${SNAPSHOTS_DIR}/${id}`;
export const manifestPath = (id: string) => `${snapshotDir(id)}/manifest.json`;
export const partPath = (id: string, n: number) => `${snapshotDir(id)}/part-${String(n).padStart(5, '0')}.json`;

/** The change number in a change file's name, or null for anything else in the folder. */
export function seqOfChangeFile(name: string): number | null {
  const m = /^(\d{8})\.json$/.exec(name);
  return m ? Number(m[1]) : null;
}

/** Device ids and snapshot ids become path segments: only these characters are trusted. */
export function isSafeSegment(s: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(s);
}
