/**
 * The preview of an import: what merging a file's records into this database would
 * do, table by table, without writing anything. `applyImport` carries it out.
 *
 * Records are matched by id. Beyond that, an article the database does not have by
 * id but has under one of its URL keys is the same article (a W3C import of a page
 * already read here, or the same page saved on two machines): it keeps this
 * database's id and details, gains the file's URL keys, and the file's saved copy,
 * highlights and page note are attached to it. A live page note likewise joins the
 * article's live note here (one note per article), and a live tag the tag of the same
 * name. The merge rule for each record is in `import-merge.ts`.
 *
 * The reading list (#15): a backup says everything about an article, its reading-list
 * fields included. A reading service's export says where each article stood on that
 * service's list, and an annotations file (W3C, the Clipper, Readwise) nothing about
 * it. So, for those (`PlanOptions.readingKnown`), an article already here keeps its own
 * reading-list fields when the file gives none; when the file gives a state and the
 * article here is not on the list, it joins the list with the file's state, star,
 * progress, date saved and tags (nothing else of it changes). Importing the same file
 * again then finds it unchanged.
 */
import { TABLE_NAMES, type BackupRecords, type TableName } from '@/utils/backup/backup-format';
import { BACKUP_LIMITS } from '@/utils/backup/backup-limits';
import type { MarginDb } from '@/utils/db/margin-db';
import { touchStamps } from '@/utils/db/record-stamps';
import type { ArticleRecord } from '@/utils/db/schema';
import { READING_FIELD_NAMES, type ReadingFields } from '@/utils/db/reading-fields';
import { findDanglingReferences, referencedArticleIds } from './check-references';
import { emptyCounts, ImportMerge, type ImportConflict, type TableCounts } from './import-merge';
import { atPath } from './json-path';
import { allTags, getByIds, liveArticlesByUrl, livePageNotesByArticle } from './read-existing';
import {
  importedArticle,
  importedArticleBody,
  importedHighlight,
  importedPageNote,
  importedTag,
  type ImportedRecords,
} from '../backup/stored-records';

export type { ImportConflict, TableCounts } from './import-merge';

/** An article of the file that joined one already here, found by URL. */
export interface UrlMatch {
  fileId: string;
  databaseId: string;
}

/** How a file's records are read against the database. */
export interface PlanOptions {
  /**
   * Absent for a backup (every field is the file's word). For other files, the ids of the
   * file's articles whose reading-list state the file gives; the others' reading-list
   * fields are placeholders, and an article here keeps its own.
   */
  readingKnown?: ReadonlySet<string>;
}

export interface ImportPlan {
  /** The records the plan was made from; `applyImport` merges them again in its transaction. */
  records: BackupRecords;
  /** What it was planned with; `applyImport` plans again with the same. */
  options: PlanOptions;
  counts: Record<TableName, TableCounts>;
  /** The counts of all tables together. */
  totals: TableCounts;
  conflicts: ImportConflict[];
  matchedByUrl: UrlMatch[];
  /** Tag names imported highlights use that have no live tag yet: created on apply, counted in `counts.tags.new`. */
  newTagNames: string[];
  /** Why the file cannot be imported; when not empty, nothing else is filled in and applying refuses. */
  problems: string[];
  /** The records applying would write, as stored but for their search words (computed as they are written). */
  writes: { [T in TableName]: Array<ImportedRecords[T]> };
}

/**
 * Plans the import of `records` (a validated backup's, or a W3C import's `RecordSet`)
 * in a read-only transaction. Writes nothing.
 */
export async function planImport(db: MarginDb, records: BackupRecords, options: PlanOptions = {}): Promise<ImportPlan> {
  // An async scope: Dexie keeps the transaction open across native awaits only from one.
  return db.transaction('r', [db.articles, db.articleBodies, db.highlights, db.pageNotes, db.tags], async () =>
    computePlan(db, records, options),
  );
}

/** The plan against the database as it is now; call inside a transaction over every table. */
export async function computePlan(
  db: MarginDb,
  records: BackupRecords,
  options: PlanOptions = {},
): Promise<ImportPlan> {
  const problems = await findProblems(db, records);
  if (problems.length > 0) return emptyPlan(records, problems, options);

  const merge = new ImportMerge();
  const { remap, matchedByUrl } = await mergeArticles(db, records, merge, options);
  const articleId = (id: string) => remap.get(id) ?? id;

  const bodies = records.articleBodies.map((b) => importedArticleBody(b, articleId(b.id)));
  const hereBodies = await getByIds(
    db.articleBodies,
    bodies.map((b) => b.id),
  );
  for (const b of bodies) merge.merge('articleBodies', b, merge.current('articleBodies', b.id, hereBodies));

  const highlights = records.highlights.map((h) => importedHighlight(h, articleId(h.articleId)));
  const hereHighlights = await getByIds(
    db.highlights,
    highlights.map((h) => h.id),
  );
  for (const h of highlights) merge.merge('highlights', h, merge.current('highlights', h.id, hereHighlights));

  await mergePageNotes(db, records, articleId, merge);
  const newTagNames = await mergeTags(db, records, merge);

  const counts = merge.counts;
  return {
    records,
    options,
    counts,
    totals: sumCounts(counts),
    conflicts: merge.conflicts,
    matchedByUrl,
    newTagNames,
    problems: [],
    writes: {
      articles: [...merge.writes.articles.values()],
      articleBodies: [...merge.writes.articleBodies.values()],
      highlights: [...merge.writes.highlights.values()],
      pageNotes: [...merge.writes.pageNotes.values()],
      tags: [...merge.writes.tags.values()],
    },
  };
}

async function findProblems(db: MarginDb, records: BackupRecords): Promise<string[]> {
  const max = BACKUP_LIMITS.maxProblems;
  const inFile = new Set(records.articles.map((a) => a.id));
  const here = await getByIds(
    db.articles,
    referencedArticleIds(records).filter((id) => !inFile.has(id)),
  );
  const problems = findDanglingReferences(records, (id) => inFile.has(id) || here.has(id), max);
  records.tags.forEach((t, i) => {
    if (problems.length < max && importedTag(t).name === '')
      problems.push(atPath(['records', 'tags', i, 'name'], 'a tag needs a name'));
  });
  return problems;
}

/** Articles by id, then the rest by URL key; returns where the file's ids now point. */
async function mergeArticles(
  db: MarginDb,
  records: BackupRecords,
  merge: ImportMerge,
  options: PlanOptions,
): Promise<{ remap: Map<string, string>; matchedByUrl: UrlMatch[] }> {
  const articles = records.articles.map(importedArticle);
  const here = await getByIds(
    db.articles,
    articles.map((a) => a.id),
  );
  const unmatched: Array<ImportedRecords['articles']> = [];
  for (const a of articles) {
    const current = merge.current('articles', a.id, here);
    if (current) merge.merge('articles', withReadingHere(db, a, current, options), current);
    else unmatched.push(a);
  }

  const remap = new Map<string, string>();
  const matchedByUrl: UrlMatch[] = [];
  const live = unmatched.filter((a) => a.deletedAt === null);
  const byUrl = await liveArticlesByUrl(
    db,
    live.flatMap((a) => a.urls),
  );
  for (const a of unmatched) {
    const match = a.deletedAt === null ? pickUrlMatch(a, byUrl) : null;
    if (!match) {
      merge.merge('articles', a, undefined);
      continue;
    }
    remap.set(a.id, match.id);
    matchedByUrl.push({ fileId: a.id, databaseId: match.id });
    const current = merge.current('articles', match.id, here) ?? match;
    const added = a.urls.filter((u) => !current.urls.includes(u));
    const joins = joinsReadingList(a, current, options);
    if (added.length === 0 && !joins) {
      merge.counts.articles.unchanged++;
    } else {
      merge.counts.articles.updated++;
      merge.write('articles', {
        ...current,
        ...(joins && readingOf(a)),
        urls: [...current.urls, ...added],
        ...touchStamps(db, current),
      });
    }
  }
  return { remap, matchedByUrl };
}

function readingOf(a: ReadingFields): ReadingFields {
  return Object.fromEntries(READING_FIELD_NAMES.map((f) => [f, a[f]])) as unknown as ReadingFields;
}

/** Whether the file puts an article not on the list here onto it (see the header). */
function joinsReadingList(
  file: ImportedRecords['articles'],
  here: ImportedRecords['articles'],
  options: PlanOptions,
): boolean {
  return (
    options.readingKnown !== undefined &&
    options.readingKnown.has(file.id) &&
    file.readingStatus !== null &&
    here.readingStatus === null &&
    here.deletedAt === null
  );
}

/**
 * The file's article as it is merged with the one here of the same id: a backup's as it
 * is; otherwise with the reading-list fields here, unless the file puts it on the list,
 * in which case it is the article here with the file's reading-list fields, written now.
 */
function withReadingHere(
  db: MarginDb,
  file: ImportedRecords['articles'],
  here: ImportedRecords['articles'],
  options: PlanOptions,
): ImportedRecords['articles'] {
  if (options.readingKnown === undefined) return file;
  if (joinsReadingList(file, here, options)) return { ...here, ...readingOf(file), ...touchStamps(db, here) };
  return options.readingKnown.has(file.id) && file.readingStatus !== null ? file : { ...file, ...readingOf(here) };
}

// As a visit would find it (`findArticleByUrl`): filed under the same key first, then the oldest.
function pickUrlMatch(article: ImportedRecords['articles'], byUrl: Map<string, ArticleRecord[]>): ArticleRecord | null {
  const candidates = article.urls.flatMap((key) => byUrl.get(key) ?? []);
  candidates.sort((x, y) => Number(y.url === article.url) - Number(x.url === article.url) || x.createdAt - y.createdAt);
  return candidates[0] ?? null;
}

async function mergePageNotes(
  db: MarginDb,
  records: BackupRecords,
  articleId: (id: string) => string,
  merge: ImportMerge,
): Promise<void> {
  const notes = records.pageNotes.map((n) => importedPageNote(n, articleId(n.articleId)));
  const here = await getByIds(
    db.pageNotes,
    notes.map((n) => n.id),
  );
  const unmatched = notes.filter((n) => !here.has(n.id));
  const liveHere = await livePageNotesByArticle(
    db,
    unmatched.filter((n) => n.deletedAt === null).map((n) => n.articleId),
  );
  const liveNoteId = new Map([...liveHere].map(([article, note]) => [article, note.id]));
  const hereById = new Map([...here, ...[...liveHere.values()].map((n) => [n.id, n] as const)]);

  for (const note of notes) {
    let current = merge.current('pageNotes', note.id, hereById);
    let incoming = note;
    if (!current && note.deletedAt === null) {
      // One live note per article: a note for an article that has one here joins it.
      // Only a note already here: two live notes in the file stay two, as they were.
      const targetId = liveNoteId.get(note.articleId);
      const target = targetId === undefined ? undefined : merge.current('pageNotes', targetId, hereById);
      if (target && target.deletedAt === null) {
        incoming = { ...note, id: target.id };
        current = target;
      }
    }
    merge.merge('pageNotes', incoming, current);
  }
}

/**
 * Tags by id, then a live tag by name; then the names imported highlights use that
 * would have no live tag.
 * @return those names, to create on apply
 */
async function mergeTags(db: MarginDb, records: BackupRecords, merge: ImportMerge): Promise<string[]> {
  const tagsHere = await allTags(db);
  const hereById = new Map(tagsHere.map((t) => [t.id, t]));
  const liveIdByName = new Map<string, string>();
  for (const t of [...tagsHere].sort((a, b) => a.createdAt - b.createdAt)) {
    if (t.deletedAt === null && !liveIdByName.has(t.name)) liveIdByName.set(t.name, t.id);
  }

  for (const tag of records.tags.map(importedTag)) {
    let current = merge.current('tags', tag.id, hereById);
    let incoming = tag;
    // As with notes, only a tag already here is joined by name.
    if (!current && tag.deletedAt === null) {
      const targetId = liveIdByName.get(tag.name);
      const target = targetId === undefined ? undefined : merge.current('tags', targetId, hereById);
      if (target && target.deletedAt === null) {
        incoming = { ...tag, id: target.id };
        current = target;
      }
    }
    merge.merge('tags', incoming, current);
  }

  const liveNames = new Set<string>();
  for (const t of [...hereById.values(), ...merge.writes.tags.values()]) {
    const after = merge.current('tags', t.id, hereById);
    if (after && after.deletedAt === null) liveNames.add(after.name);
  }
  const needed = new Set<string>();
  for (const h of merge.writes.highlights.values()) {
    if (h.deletedAt === null) for (const name of h.tags) if (!liveNames.has(name)) needed.add(name);
  }
  merge.counts.tags.new += needed.size;
  return [...needed];
}

function sumCounts(counts: Record<TableName, TableCounts>): TableCounts {
  const total = emptyCounts();
  for (const table of TABLE_NAMES) {
    for (const key of Object.keys(total) as Array<keyof TableCounts>) total[key] += counts[table][key];
  }
  return total;
}

function emptyPlan(records: BackupRecords, problems: string[], options: PlanOptions): ImportPlan {
  const counts = {
    articles: emptyCounts(),
    articleBodies: emptyCounts(),
    highlights: emptyCounts(),
    pageNotes: emptyCounts(),
    tags: emptyCounts(),
  };
  return {
    records,
    options,
    counts,
    totals: emptyCounts(),
    conflicts: [],
    matchedByUrl: [],
    newTagNames: [],
    problems,
    writes: { articles: [], articleBodies: [], highlights: [], pageNotes: [], tags: [] },
  };
}
