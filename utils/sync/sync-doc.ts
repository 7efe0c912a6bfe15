/**
 * A record as sync sees it: every field a last-writer-wins register stamped with the
 * clock and device of its last write, and the note (a highlight's `note`, a page
 * note's `text`) a multi-value register with a version vector. Merging two docs is a
 * join: commutative, associative and idempotent, so devices that have seen the same
 * docs hold the same data whatever order they saw them in.
 *
 * Why per field: colour changed in Chrome and tags changed in Firefox must both
 * survive. Why a version vector for notes: two people (or one person in two
 * browsers) typing into the same note offline are two edits neither saw; keeping
 * only the later one would silently throw text away, so both are kept and the
 * loser is shown as a conflict until the user picks.
 *
 * Clocks are the database's own `updatedAt` (milliseconds, strictly increasing per
 * record, and moved past every merged clock when a merge is written): a hybrid
 * logical clock per record, which is all per-record last-writer-wins needs.
 */
import type { TableName } from '@/utils/backup/backup-format';
import type { NoteConflict } from '@/utils/db/schema';
import { CONTENT_FIELDS, stableStringify } from '@/utils/db/record-content';
import type { NoteRegister, NoteVersion, Register, SyncDoc } from '@/utils/db/sync-tables';
import { covers, dotSet, unionSeen, type Seen } from './seen-set';

// The doc's shape is stored in `syncDocs`, so it lives with that table (`utils/db/sync-tables.ts`).
export type { NoteRegister, NoteVersion, Register, SyncDoc } from '@/utils/db/sync-tables';

/** The field that holds free text the user types, per table that has one. */
export const NOTE_FIELD: Partial<Record<TableName, 'note' | 'text'>> = { highlights: 'note', pageNotes: 'text' };

/** Fields kept as plain registers, per table. */
export function registerFields(table: TableName): readonly string[] {
  const note = NOTE_FIELD[table];
  return ['createdAt', 'deletedAt', ...CONTENT_FIELDS[table].filter((f) => f !== note)];
}

export function docKey(table: TableName, id: string): string {
  return `${table}:${id}`;
}

type AnyRecord = Record<string, unknown> & { id: string; updatedAt: number; deviceId?: string };

/**
 * The doc for a record as the database holds it now, given the doc it had when last
 * synced (`previous`). Fields equal to `previous` keep its stamps; changed fields get
 * the record's `updatedAt` and this device. Without `previous` (never synced) every
 * field gets the record's own stamps.
 */
export function docFromRecord(
  table: TableName,
  record: AnyRecord,
  previous: SyncDoc | undefined,
  device: string,
): SyncDoc {
  const f: Record<string, Register> = {};
  const stampDevice = previous ? device : (record.deviceId ?? device);
  for (const field of registerFields(table)) {
    const value = record[field] ?? null;
    const before = previous?.f[field];
    f[field] = before && same(before[0], value) ? before : [value, record.updatedAt, stampDevice];
  }
  const doc: SyncDoc = { t: table, id: record.id, f };
  const noteField = NOTE_FIELD[table];
  if (noteField) {
    const text = typeof record[noteField] === 'string' ? (record[noteField] as string) : '';
    const open = conflictStamps(record);
    const before = previous?.n;
    if (before && noteShown(before) === text && same(visibleConflicts(before).map(stampOf), open)) doc.n = before;
    else doc.n = editedNote(before, text, open, record.updatedAt, stampDevice);
  }
  return doc;
}

/**
 * A note after an edit here: the new version has seen every version the user had in
 * front of them, except the conflicts still listed on the record (not yet resolved),
 * which stay as they were.
 */
function editedNote(
  before: NoteRegister | undefined,
  text: string,
  open: string[],
  clock: number,
  device: string,
): NoteRegister {
  const versions = before?.vs ?? [];
  const kept = versions.filter((v) => open.includes(stampOf(v)));
  const superseded = versions.filter((v) => !kept.includes(v));
  // Unique among this device's edits, whichever versions it supersedes.
  const n = Math.max(0, ...versions.map((v) => v.vv[device] ?? 0)) + 1;
  const seen = unionSeen(...superseded.flatMap((v) => [seenBy(v), dotSet(...dotOf(v))]), dotSet(device, n));
  return { vs: sortVersions([...kept, { v: text, c: clock, d: device, ...seen }]) };
}

function seenBy(v: NoteVersion): Seen {
  return v.x ? { vv: v.vv, x: v.x } : { vv: v.vv };
}

function dotOf(v: NoteVersion): [string, number] {
  return [v.d, v.vv[v.d] ?? 0];
}

function conflictStamps(record: AnyRecord): string[] {
  const list = Array.isArray(record.noteConflicts) ? (record.noteConflicts as NoteConflict[]) : [];
  return list.map((c) => `${c.at}:${c.deviceId}`).sort();
}

function stampOf(v: { c: number; d: string }): string {
  return `${v.c}:${v.d}`;
}

/** The version that shows: the newest. */
function shownVersion(n: NoteRegister): NoteVersion | undefined {
  return n.vs.at(-1);
}

function noteShown(n: NoteRegister): string {
  return shownVersion(n)?.v ?? '';
}

/** Conflicts worth showing: other versions whose text differs from the note's and from each other. */
export function visibleConflicts(n: NoteRegister): NoteVersion[] {
  const shown = noteShown(n);
  const texts = new Set<string>([shown]);
  const out: NoteVersion[] = [];
  for (const v of n.vs.slice(0, -1).reverse()) {
    if (texts.has(v.v)) continue;
    texts.add(v.v);
    out.push(v);
  }
  return out.sort((a, b) => (later(a.c, a.d, b.c, b.d) ? 1 : -1));
}

/** The record a doc stands for (without derived fields: the caller adds search words). */
export function recordFromDoc(doc: SyncDoc): AnyRecord {
  const record: AnyRecord = { id: doc.id, updatedAt: 0 };
  let newest: [number, string] = [0, ''];
  const see = (c: number, d: string) => {
    if (later(c, d, newest[0], newest[1])) newest = [c, d];
  };
  for (const [field, [value, c, d]] of Object.entries(doc.f)) {
    record[field] = value;
    see(c, d);
  }
  const noteField = NOTE_FIELD[doc.t];
  if (noteField) {
    record[noteField] = doc.n ? noteShown(doc.n) : '';
    for (const v of doc.n?.vs ?? []) see(v.c, v.d);
    record.noteConflicts = doc.n ? visibleConflicts(doc.n).map((x) => ({ text: x.v, at: x.c, deviceId: x.d })) : [];
  }
  record.updatedAt = newest[0];
  if (newest[1]) record.deviceId = newest[1];
  return record;
}

/** The newest clock in a doc: what `updatedAt` becomes when it is written. */
export function docClock(doc: SyncDoc): number {
  let max = 0;
  for (const r of Object.values(doc.f)) max = Math.max(max, r[1]);
  for (const v of doc.n?.vs ?? []) max = Math.max(max, v.c);
  return max;
}

/** Joins two docs of the same record. */
export function mergeDocs(a: SyncDoc, b: SyncDoc): SyncDoc {
  if (a.t !== b.t || a.id !== b.id) throw new Error(`Cannot merge ${docKey(a.t, a.id)} with ${docKey(b.t, b.id)}`);
  const f: Record<string, Register> = {};
  for (const field of new Set([...Object.keys(a.f), ...Object.keys(b.f)])) {
    const ra = a.f[field];
    const rb = b.f[field];
    f[field] = !ra ? rb! : !rb ? ra : pickRegister(ra, rb);
  }
  const merged: SyncDoc = { t: a.t, id: a.id, f };
  const n = a.n && b.n ? mergeNotes(a.n, b.n) : (a.n ?? b.n);
  if (n) merged.n = n;
  return merged;
}

function pickRegister(a: Register, b: Register): Register {
  if (a[1] !== b[1] || a[2] !== b[2]) return later(a[1], a[2], b[1], b[2]) ? a : b;
  // Same stamp, different values: only a buggy or hostile writer does this; any fixed rule converges.
  return stableStringify(a[0]) >= stableStringify(b[0]) ? a : b;
}

/** Union of both sides' versions, minus every version another one has seen. */
function mergeNotes(a: NoteRegister, b: NoteRegister): NoteRegister {
  const byDot = new Map<string, NoteVersion>();
  for (const v of [...a.vs, ...b.vs]) {
    const key = dotOf(v).join(':');
    const had = byDot.get(key);
    // Same edit, different content: only a buggy or hostile writer; any fixed rule converges.
    if (!had || stableStringify(v) > stableStringify(had)) byDot.set(key, v);
  }
  const all = [...byDot.values()];
  const alive = all.filter((v) => !all.some((w) => w !== v && covers(seenBy(w), ...dotOf(v))));
  return { vs: sortVersions(alive) };
}

function sortVersions(vs: NoteVersion[]): NoteVersion[] {
  return [...vs].sort((p, q) => (later(p.c, p.d, q.c, q.d) ? 1 : later(q.c, q.d, p.c, p.d) ? -1 : 0));
}

function later(c1: number, d1: string, c2: number, d2: string): boolean {
  return c1 !== c2 ? c1 > c2 : d1 > d2;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || stableStringify(a) === stableStringify(b);
}

/** Whether two docs hold the same state (stamps included). */
export function sameDoc(a: SyncDoc | undefined, b: SyncDoc | undefined): boolean {
  if (!a || !b) return a === b;
  return stableStringify(a) === stableStringify(b);
}
