/**
 * Page notes: one free-text note per article, about the article as a whole.
 */
import { withDerivedFields } from './derived-fields';
import type { MarginDb } from './margin-db';
import { newRecordStamps, touchStamps } from './record-stamps';
import type { PageNoteRecord } from './schema';
import { writeTransaction } from './write-transaction';

/**
 * Sets an article's note. Clearing the text (only whitespace left) deletes the note
 * as a tombstone; setting it again later revives the same record.
 * @return the note as stored, or null if the text was empty and the note is now deleted
 * @throws Error if the article does not exist
 * @throws StorageFullError if storage is full; nothing was written
 */
export async function setPageNote(
  db: MarginDb,
  articleId: string,
  text: string,
  options: { resolveConflicts?: boolean } = {},
): Promise<PageNoteRecord | null> {
  const empty = text.trim() === '';
  return writeTransaction(db, [db.articles, db.pageNotes], async () => {
    const article = await db.articles.get(articleId);
    if (!article || article.deletedAt !== null) throw new Error(`No article ${articleId} to note`);
    const rows = await db.pageNotes.where('articleId').equals(articleId).sortBy('createdAt');
    // Reuse the live note, else the newest tombstone, so an article keeps one record.
    const current = rows.find((n) => n.deletedAt === null) ?? rows.at(-1);
    if (empty) {
      if (current && current.deletedAt === null) {
        const stamps = touchStamps(db, current);
        await db.pageNotes.put(withDerivedFields('pageNotes', { ...current, ...stamps, deletedAt: stamps.updatedAt }));
      }
      return null;
    }
    const clears = Boolean(options.resolveConflicts && current?.noteConflicts?.length);
    if (current && current.deletedAt === null && current.text === text && !clears) return current;
    const note = withDerivedFields(
      'pageNotes',
      current
        ? {
            ...current,
            ...touchStamps(db, current),
            deletedAt: null,
            text,
            // Picking a version (sync conflict) is an edit like typing: the other versions go.
            ...(options.resolveConflicts && { noteConflicts: [] }),
          }
        : { ...newRecordStamps(db), articleId, text },
    );
    await db.pageNotes.put(note);
    return note;
  });
}

/** @return null if the article has no note */
export async function getPageNote(db: MarginDb, articleId: string): Promise<PageNoteRecord | null> {
  const rows = await db.pageNotes.where('articleId').equals(articleId).sortBy('createdAt');
  return rows.find((n) => n.deletedAt === null) ?? null;
}
