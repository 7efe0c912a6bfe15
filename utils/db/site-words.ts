/**
 * Keeps every highlight's `siteWords` (schema v5: its article's host paired with each
 * of its search words, `search-words.ts`) in step with its article, whoever writes.
 *
 * A highlight does not carry its host; its article does. So the pairs are a DBCore
 * middleware on the database rather than a field each writer fills: the repositories,
 * imports, restores, sync and the backfills all write highlights, and one that forgot
 * would leave a highlight that a search by word and site silently misses.
 * - A highlight written (added or put): its article's host is read in the same
 *   transaction, which must therefore include `articles` (an error says so if not).
 *   No article (sync may bring a highlight before its article), or a tombstone: none.
 * - An article written that is new, or whose host changed: its highlights already
 *   here are rewritten with the host's pairs. Usually there are none; after a sync
 *   that brought highlights first, these are they. Only where the transaction
 *   includes `highlights`: sync and imports, the writers that can bring an article
 *   after its highlights, do; the repositories' new articles have fresh ids, which
 *   no highlight can name yet, and an article's host never changes there.
 * Only the pairs change: `updatedAt` and every other field stay as written, as a
 * derived field is not an edit for sync to send.
 */
import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import type { ArticleRecord, HighlightRecord } from './schema';
import { siteWords } from './search-words';

export const siteWordsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'margin-site-words',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      if (name === 'highlights') return { ...table, mutate: (req) => mutateHighlights(down, table, req) };
      if (name === 'articles') return { ...table, mutate: (req) => mutateArticles(down, table, req) };
      return table;
    },
  }),
};

/** The pairs of a highlight whose article's host is `host` (undefined: no article here). */
export function siteWordsOf(h: Pick<HighlightRecord, 'deletedAt' | 'words'>, host: string | undefined): string[] {
  return h.deletedAt === null && host !== undefined ? siteWords(host, h.words ?? []) : [];
}

// Chained with `then` on Dexie's own promises, not `async`/`await`: a native promise
// would lose the transaction's zone that the middlewares below rely on.

function mutateHighlights(core: DBCore, table: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
  const values = req.values as HighlightRecord[];
  const ids = [...new Set(values.filter((h) => h.deletedAt === null).map((h) => h.articleId))];
  // In place, as Dexie's own hooks do: the caller's record is then the one stored.
  const fill = (hosts: Map<string, string | undefined>) => {
    for (const h of values) h.siteWords = siteWordsOf(h, hosts.get(h.articleId));
    return table.mutate(req);
  };
  if (ids.length === 0) return fill(new Map());
  requireArticles(req.trans);
  return core
    .table('articles')
    .getMany({ trans: req.trans, keys: ids })
    .then((articles) => fill(new Map(ids.map((id, i) => [id, (articles[i] as ArticleRecord | undefined)?.host]))));
}

function mutateArticles(core: DBCore, table: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  if ((req.type !== 'add' && req.type !== 'put') || !inScope(req.trans, 'highlights')) return table.mutate(req);
  const values = req.values as ArticleRecord[];
  return table.getMany({ trans: req.trans, keys: values.map((a) => a.id) }).then((before) =>
    table.mutate(req).then((result) => {
      const moved = values.filter((a, i) => a.host !== (before[i] as ArticleRecord | undefined)?.host);
      return moved.length === 0 ? result : rewriteHighlightsOf(core, req.trans, moved).then(() => result);
    }),
  );
}

/** Rewrites the pairs of the highlights of `articles` whose pairs differ from their host's. */
function rewriteHighlightsOf(core: DBCore, trans: DBCoreTransaction, articles: ArticleRecord[]): Promise<unknown> {
  const highlights = core.table('highlights');
  const byArticle = highlights.schema.getIndexByKeyPath('articleId')!;
  const changed: HighlightRecord[] = [];
  // One article after another: each read chained on the last keeps the zone (above).
  const from = (i: number): Promise<unknown> => {
    if (i === articles.length)
      return changed.length > 0 ? highlights.mutate({ trans, type: 'put', values: changed }) : Promise.resolve();
    const a = articles[i]!;
    const range: DBCoreKeyRange = {
      type: 1 /* DBCoreRangeType.Equal */,
      lower: a.id,
      upper: a.id,
      lowerOpen: false,
      upperOpen: false,
    };
    return highlights.query({ trans, values: true, query: { index: byArticle, range } }).then((found) => {
      for (const h of found.result as HighlightRecord[]) {
        const pairs = siteWordsOf(h, a.host);
        if (!samePairs(h.siteWords, pairs)) changed.push({ ...h, siteWords: pairs });
      }
      return from(i + 1);
    });
  };
  return from(0);
}

function samePairs(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
}

function inScope(trans: DBCoreTransaction, table: string): boolean {
  const names = (trans as unknown as IDBTransaction).objectStoreNames;
  return !names || names.contains(table);
}

function requireArticles(trans: DBCoreTransaction): void {
  if (!inScope(trans, 'articles')) {
    throw new Error(
      "Margin: a highlight must be written in a transaction that includes 'articles' (its site search words are read from its article)",
    );
  }
}
