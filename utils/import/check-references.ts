/**
 * Every saved copy, highlight and page note must belong to an article the file
 * brings or the database already has; one that does not would be stored where no
 * list, search or reader could ever show it.
 */
import type { BackupRecords } from '@/utils/backup/backup-format';
import { atPath } from './json-path';

/** Ids of articles the records point to, in first-seen order. */
export function referencedArticleIds(records: BackupRecords): string[] {
  const ids = new Set<string>();
  for (const b of records.articleBodies) ids.add(b.id);
  for (const h of records.highlights) ids.add(h.articleId);
  for (const n of records.pageNotes) ids.add(n.articleId);
  return [...ids];
}

/**
 * @param articleExists - whether an article id is in the file or the database
 * @return up to `maxProblems` problems, each with its path in the file
 */
export function findDanglingReferences(
  records: BackupRecords,
  articleExists: (id: string) => boolean,
  maxProblems: number,
): string[] {
  const problems: string[] = [];
  const check = (path: Array<string | number>, id: string, what: string) => {
    if (problems.length < maxProblems && !articleExists(id)) {
      problems.push(atPath(path, `${what} article ${id}, which is neither in the file nor in this database`));
    }
  };
  for (const [i, b] of records.articleBodies.entries())
    check(['records', 'articleBodies', i, 'id'], b.id, 'a saved copy of');
  for (const [i, h] of records.highlights.entries())
    check(['records', 'highlights', i, 'articleId'], h.articleId, 'a highlight on');
  for (const [i, n] of records.pageNotes.entries())
    check(['records', 'pageNotes', i, 'articleId'], n.articleId, 'a note on');
  return problems;
}
