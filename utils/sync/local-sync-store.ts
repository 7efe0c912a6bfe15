/**
 * The database side of sync: finding what changed here, merging what came from other
 * devices, and the bookkeeping (`syncMeta`) of what has been read and sent. Every
 * merge re-reads the record inside its transaction, so an edit the user makes while
 * a sync runs is folded in, never overwritten.
 */
import type { Table } from 'dexie';
import { TABLE_NAMES, type TableName } from '@/utils/backup/backup-format';
import { RECORD_SCHEMAS } from '@/utils/backup/backup-schema';
import type { MarginDb } from '@/utils/db/margin-db';
import type { SyncDocRow } from '@/utils/db/sync-tables';
import { writeTransaction } from '@/utils/db/write-transaction';
import { latestTrustedTime } from '@/utils/db/time-limits';
import type { ImportedRecords } from '@/utils/backup/stored-records';
import { withDerivedFields } from '@/utils/db/derived-fields';
import { mergeDuplicateArticles } from './merge-duplicate-articles';
import {
  docClock,
  docFromRecord,
  docKey,
  mergeDocs,
  recordFromDoc,
  sameDoc,
  visibleConflicts,
  type SyncDoc,
} from './sync-doc';

type AnyRecord = Record<string, unknown> & {
  id: string;
  updatedAt: number;
  deletedAt: number | null;
  deviceId?: string;
};

const CHUNK = 500;
/** Writes that started before a scan may commit after it with an older `updatedAt`: scan again over this window. */
const SCAN_OVERLAP_MS = 10_000;

function table(db: MarginDb, t: TableName): Table<AnyRecord, string> {
  return db.table(t) as unknown as Table<AnyRecord, string>;
}

function recordTables(db: MarginDb): Table[] {
  return TABLE_NAMES.map((t) => db.table(t));
}

// ---- meta ----

export interface SyncMeta {
  /** Per other device, the newest change number merged here. */
  seen: Record<string, number>;
  /**
   * Per other device, numbers below `seen` that were not in its folder when this one
   * read past them (a number reserved for an upload that failed, or one still landing).
   * Read if they appear later; bounded, oldest dropped first.
   */
  seenGaps: Record<string, Array<[number, number]>>;
  /** The next change number this device will write. */
  nextSeq: number;
  /** The newest change number this device has written and announced in its head. */
  sentSeq: number;
  /** Snapshots whose docs are merged here. */
  appliedSnapshots: string[];
  /** Records written after this `updatedAt` are checked for local changes on the next scan. */
  scanCursor: number;
  /** The change number this device's head in the folder announces, as last written. */
  headSeq: number;
  /** The folder's format file as this device last read it (repairs a damaged one; tells a new key). */
  format: string | null;
}

const META_DEFAULTS: SyncMeta = {
  seen: {},
  seenGaps: {},
  nextSeq: 1,
  sentSeq: 0,
  appliedSnapshots: [],
  scanCursor: 0,
  headSeq: 0,
  format: null,
};

export async function readMeta(db: MarginDb): Promise<SyncMeta> {
  const rows = await db.syncMeta.toArray();
  const meta: Record<string, unknown> = { ...META_DEFAULTS };
  for (const row of rows) if (row.key in META_DEFAULTS) meta[row.key] = row.value;
  return meta as unknown as SyncMeta;
}

export async function writeMeta(db: MarginDb, patch: Partial<SyncMeta>): Promise<void> {
  await writeTransaction(db, [db.syncMeta], async () => {
    for (const [key, value] of Object.entries(patch)) await db.syncMeta.put({ key, value });
  });
}

/**
 * Forgets what sync knew about a folder (another folder, or one made anew): the next
 * sync reads it from the start and sends everything. The docs stay, every one to be
 * sent again: their stamps are the facts of which edit came last, field by field, and
 * rebuilt from the records every field would carry the record's newest time, so an
 * old field would beat another browser's newer edit of it. The next change number is
 * kept too: going back to a folder this browser wrote to before, a reused number would
 * be skipped by devices that read it already.
 */
export async function resetSyncState(db: MarginDb): Promise<void> {
  const { nextSeq } = await readMeta(db);
  await writeTransaction(db, [db.syncDocs, db.syncMeta], async () => {
    await db.syncDocs.toCollection().modify({ dirty: 1 });
    await db.syncMeta.clear();
    await db.syncMeta.put({ key: 'nextSeq', value: nextSeq });
  });
}

// ---- local changes ----

/**
 * Marks as dirty every record changed here since the last scan.
 * @return how many records now hold changes to send
 */
export async function scanLocalChanges(db: MarginDb, device: string): Promise<number> {
  const { scanCursor } = await readMeta(db);
  const startedAt = db.now();
  let changed = 0;
  for (const t of TABLE_NAMES) {
    const keys = await table(db, t).where('updatedAt').above(scanCursor).primaryKeys();
    for (let i = 0; i < keys.length; i += CHUNK) {
      const ids = keys.slice(i, i + CHUNK);
      changed += await writeTransaction(db, [table(db, t), db.syncDocs], async () => {
        const records = await table(db, t).bulkGet(ids);
        const rows = await db.syncDocs.bulkGet(ids.map((id) => docKey(t, id)));
        const puts: SyncDocRow[] = [];
        records.forEach((record, j) => {
          if (!record) return;
          const row = rows[j];
          const doc = docFromRecord(t, record, row?.doc, device);
          if (!sameDoc(doc, row?.doc)) puts.push({ key: docKey(t, record.id), doc, dirty: 1 });
        });
        await db.syncDocs.bulkPut(puts);
        return puts.length;
      });
    }
  }
  await writeMeta(db, { scanCursor: Math.max(0, startedAt - SCAN_OVERLAP_MS) });
  return changed;
}

export async function countDirty(db: MarginDb): Promise<number> {
  return db.syncDocs.where('dirty').equals(1).count();
}

export async function dirtyRows(db: MarginDb, limit: number): Promise<SyncDocRow[]> {
  return db.syncDocs.where('dirty').equals(1).limit(limit).toArray();
}

/** Clears `dirty` on rows that still hold exactly what was sent (a newer local edit stays dirty). */
export async function markSent(db: MarginDb, sent: SyncDocRow[]): Promise<void> {
  await writeTransaction(db, [db.syncDocs], async () => {
    const now = await db.syncDocs.bulkGet(sent.map((r) => r.key));
    const clean = now.flatMap((row, i) =>
      row && row.dirty === 1 && sameDoc(row.doc, sent[i]!.doc) ? [{ ...row, dirty: 0 as const }] : [],
    );
    await db.syncDocs.bulkPut(clean);
  });
}

/** Rows in key order after `afterKey` (keyset paging: no offsets to skip over). */
export async function rowsAfter(db: MarginDb, afterKey: string, limit: number): Promise<SyncDocRow[]> {
  return db.syncDocs.where('key').above(afterKey).limit(limit).toArray();
}

// ---- merging other devices' docs ----

export interface MergeReport {
  /** Records written here. */
  changed: number;
  /** Docs refused (invalid content), with why. */
  refused: { key: string; message: string }[];
  /** Notes that now show a conflict. */
  conflicts: number;
  /** Articles found filed twice (two browsers, one page) and folded into one. */
  folded: number;
}

/** How many live records here the docs would delete, and how many live records there are. */
export async function countDeletions(db: MarginDb, docs: SyncDoc[]): Promise<{ deletes: number; live: number }> {
  const incomingDeletes = docs.filter((d) => d.f.deletedAt?.[0] != null);
  if (incomingDeletes.length === 0) return { deletes: 0, live: 0 };
  let deletes = 0;
  for (const t of TABLE_NAMES) {
    const mine = incomingDeletes.filter((d) => d.t === t);
    if (mine.length === 0) continue;
    const [records, rows] = await Promise.all([
      table(db, t).bulkGet(mine.map((d) => d.id)),
      db.syncDocs.bulkGet(mine.map((d) => docKey(t, d.id))),
    ]);
    mine.forEach((doc, i) => {
      const record = records[i];
      if (!record || record.deletedAt !== null) return;
      const local = docFromRecord(t, record, rows[i]?.doc, 'local');
      if (mergeDocs(local, doc).f.deletedAt?.[0] != null) deletes++;
    });
  }
  let live = 0;
  for (const t of TABLE_NAMES)
    live += await table(db, t)
      .filter((r) => r.deletedAt === null)
      .count();
  return { deletes, live };
}

/** Merges docs from other devices into the records, in transactions of a few hundred. */
export async function mergeRemoteDocs(db: MarginDb, docs: SyncDoc[], device: string): Promise<MergeReport> {
  const report: MergeReport = { changed: 0, refused: [], conflicts: 0, folded: 0 };
  const articlesWritten: string[] = [];
  // Later docs for the same record fold into earlier ones first: one write per record.
  const byKey = new Map<string, SyncDoc>();
  const latest = latestTrustedTime(db.now());
  for (const doc of docs) {
    const key = docKey(doc.t, doc.id);
    // Before folding: one poisoned doc must not carry its stamps into a good one.
    const clock = docClock(doc);
    if (clock > latest) {
      report.refused.push({
        key,
        message: `stamped ${describeTime(clock)}, more than a day ahead of this browser's clock (a device's clock is wrong): refused`,
      });
      continue;
    }
    const had = byKey.get(key);
    byKey.set(key, had ? mergeDocs(had, doc) : doc);
  }
  const list = [...byKey.values()];
  for (let i = 0; i < list.length; i += CHUNK) {
    const chunk = list.slice(i, i + CHUNK);
    await writeTransaction(db, [...recordTables(db), db.syncDocs], async () => {
      const rows = await db.syncDocs.bulkGet(chunk.map((d) => docKey(d.t, d.id)));
      const rowPuts: SyncDocRow[] = [];
      const recordPuts = new Map<TableName, AnyRecord[]>();
      for (const [j, incoming] of chunk.entries()) {
        const key = docKey(incoming.t, incoming.id);
        const row = rows[j];
        const record = await table(db, incoming.t).get(incoming.id);
        let local = row?.doc;
        let dirty = row?.dirty ?? 0;
        if (record && (!local || record.updatedAt > docClock(local))) {
          // Edited here since the last merge (or never synced): those edits are local changes to send.
          const fresh = docFromRecord(incoming.t, record, local, device);
          if (!sameDoc(fresh, local)) dirty = 1;
          local = fresh;
        }
        const merged = local ? mergeDocs(local, incoming) : incoming;
        if (local && sameDoc(merged, local) && record) {
          if (!sameDoc(local, row?.doc)) rowPuts.push({ key, doc: local, dirty });
          continue;
        }
        const next = checkedRecord(merged);
        if (typeof next === 'string') {
          report.refused.push({ key, message: next });
          continue;
        }
        const before = (record?.noteConflicts as unknown[] | undefined)?.length ?? 0;
        if ((merged.n ? visibleConflicts(merged.n).length : 0) > before) report.conflicts++;
        rowPuts.push({ key, doc: merged, dirty });
        const puts = recordPuts.get(incoming.t) ?? [];
        puts.push(next);
        recordPuts.set(incoming.t, puts);
        if (incoming.t === 'articles') articlesWritten.push(incoming.id);
        report.changed++;
      }
      for (const [t, puts] of recordPuts) await table(db, t).bulkPut(puts);
      await db.syncDocs.bulkPut(rowPuts);
    });
  }
  report.folded = await mergeDuplicateArticles(db, articlesWritten);
  return report;
}

function describeTime(t: number): string {
  const date = new Date(t);
  return Number.isNaN(date.getTime()) ? String(t) : date.toISOString();
}

/** The record to store for a merged doc, or why it cannot be stored. */
function checkedRecord(doc: SyncDoc): AnyRecord | string {
  const record = recordFromDoc(doc);
  const parsed = RECORD_SCHEMAS[doc.t].safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${issue?.path.join('.') || 'record'}: ${issue?.message}`;
  }
  const data = parsed.data as ImportedRecords[TableName];
  // `host` and search words are derived, never trusted from a file (as imports do).
  const stored = withDerivedFields(doc.t, data) as unknown as AnyRecord;
  if (Array.isArray(record.noteConflicts) && record.noteConflicts.length > 0)
    stored.noteConflicts = record.noteConflicts;
  return stored;
}
