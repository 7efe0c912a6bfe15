/**
 * Test support: counts what a search reads from the `highlights` table, at Dexie's
 * storage layer, so tests can say a plan reads a page of records, not the table.
 */
import type { MarginDb } from '@/utils/db/margin-db';

export interface HighlightReads {
  /** Records read: `get`, `getMany`, and queries that return values. */
  records: number;
  /** Keys returned by keys-only queries. */
  keys: number;
  /** Requests to a pair index, `tagWords` or `siteWords` (queries and cursors)... */
  pairRequests: number;
  /** ...and the entries its queries returned. */
  pairKeys: number;
}

/** Installs the counter on `db` (before it opens); reset the fields between searches. */
export function countHighlightReads(db: MarginDb): HighlightReads {
  const count: HighlightReads = { records: 0, keys: 0, pairRequests: 0, pairKeys: 0 };
  const pairs = (req: { query: { index: { name: string | null } } }) =>
    ['tagWords', 'siteWords'].includes(req.query.index.name ?? '');
  db.use({
    stack: 'dbcore',
    name: 'count-highlight-reads',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'highlights') return table;
        return {
          ...table,
          get: (req) => (count.records++, table.get(req)),
          getMany: (req) => ((count.records += req.keys.length), table.getMany(req)),
          query: async (req) => {
            const res = await table.query(req);
            if (req.values) count.records += res.result.length;
            else count.keys += res.result.length;
            if (pairs(req)) count.pairRequests++, (count.pairKeys += res.result.length);
            return res;
          },
          openCursor: (req) => (pairs(req) && count.pairRequests++, table.openCursor(req)),
        };
      },
    }),
  });
  return count;
}
