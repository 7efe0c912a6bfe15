/**
 * Tags: the names highlights are filed under, and each name's optional colour.
 * A highlight stores tag names, not tag ids: two browsers that both create
 * "rust" before syncing mean the same tag, and names make them the same without a
 * merge step. The `tags` table lists the names in use (every write of a highlight
 * adds its new names there, in the same transaction) and holds their colours.
 */
import type { MarginDb } from './margin-db';
import { newRecordStamps, touchStamps } from './record-stamps';
import type { HighlightColour, TagRecord } from './schema';
import { writeTransaction } from './write-transaction';

/**
 * The stored form of a tag name: trimmed, inner whitespace collapsed, lower-cased
 * (so "Rust" and "rust " are one tag), without leading `#`s.
 * @return '' if nothing is left
 */
export function normalizeTagName(name: string): string {
  // Every leading `#` and space, so that normalizing twice changes nothing ("##" was once "#", then "").
  return name
    .replace(/^[\s#]+/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Tag names normalized, empty ones dropped, duplicates removed (first kept). */
export function normalizeTagNames(names: readonly string[]): string[] {
  return [...new Set(names.map(normalizeTagName).filter((n) => n !== ''))];
}

/**
 * Makes sure every name has a live row in `tags`: creates missing ones, revives
 * tombstoned ones. Call inside a write transaction that includes `db.tags`.
 * @param names - normalized names
 */
export async function ensureTags(db: MarginDb, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const rows = await db.tags.where('name').equals(name).toArray();
    if (rows.some((t) => t.deletedAt === null)) continue;
    const tombstone = rows[0];
    if (tombstone) {
      await db.tags.update(tombstone.id, { deletedAt: null, ...touchStamps(db, tombstone) });
    } else {
      await db.tags.add({ ...newRecordStamps(db), name, colour: null });
    }
  }
}

/** Live tags sorted by name; one per name even if two browsers each created it. */
export async function listTags(db: MarginDb): Promise<TagRecord[]> {
  const live = await db.tags
    .orderBy('name')
    .filter((t) => t.deletedAt === null)
    .toArray();
  // Same name from two browsers: keep the older row, as every browser will.
  const byName = new Map<string, TagRecord>();
  for (const tag of live) {
    const seen = byName.get(tag.name);
    if (!seen || tag.createdAt < seen.createdAt) byName.set(tag.name, tag);
  }
  return [...byName.values()];
}

/**
 * Sets (or with null, clears) a tag's colour; creates the tag if it is new.
 * @return the tag as stored
 * @throws StorageFullError if storage is full
 */
export async function setTagColour(db: MarginDb, name: string, colour: HighlightColour | null): Promise<TagRecord> {
  const key = normalizeTagName(name);
  if (key === '') throw new TypeError('A tag needs a name');
  return writeTransaction(db, [db.tags], async () => {
    await ensureTags(db, [key]);
    const rows = await db.tags
      .where('name')
      .equals(key)
      .filter((t) => t.deletedAt === null)
      .sortBy('createdAt');
    const updated = rows.map((t) => ({ ...t, colour, ...touchStamps(db, t) }));
    await db.tags.bulkPut(updated);
    const [kept] = updated; // ensureTags made sure there is one
    if (!kept) throw new Error(`Tag "${key}" could not be created`);
    return kept;
  });
}
