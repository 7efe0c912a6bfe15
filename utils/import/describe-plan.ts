/**
 * An import preview in words: "12 new, 3 updated, 2 conflicts" overall, and a line
 * per table that has anything to report. For the import dialog and the CLI.
 */
import { TABLE_NAMES, type TableName } from '@/utils/backup/backup-format';
import type { TableCounts } from './import-merge';
import type { ImportPlan } from './plan-import';

const TABLE_LABELS: Record<TableName, string> = {
  articles: 'articles',
  articleBodies: 'saved copies',
  highlights: 'highlights',
  pageNotes: 'page notes',
  tags: 'tags',
};

/** "12 new, 3 updated, 1 deleted, 2 conflicts" (the parts that are not zero; "nothing to change" if none). */
export function summarizeCounts(counts: TableCounts): string {
  const parts = [
    plural(counts.new, 'new', 'new'),
    plural(counts.updated, 'updated', 'updated'),
    plural(counts.deleted, 'deleted', 'deleted'),
    plural(counts.conflicts, 'conflict', 'conflicts'),
    plural(counts.unchanged, 'unchanged', 'unchanged'),
    plural(counts.older, 'older than here (kept as is)', 'older than here (kept as is)'),
    plural(counts.tombstones, 'deletion recorded', 'deletions recorded'),
  ].filter((p) => p !== '');
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

/** The whole preview, one line overall then one per table with records. */
export function describePlan(plan: ImportPlan): string[] {
  const lines = [`In total: ${summarizeCounts(plan.totals)}.`];
  for (const table of TABLE_NAMES) {
    const counts = plan.counts[table];
    if (Object.values(counts).some((n) => n > 0)) lines.push(`  ${TABLE_LABELS[table]}: ${summarizeCounts(counts)}`);
  }
  if (plan.matchedByUrl.length > 0) {
    lines.push(
      `  ${plural(plan.matchedByUrl.length, 'article', 'articles')} of the file joined one already here with the same address.`,
    );
  }
  return lines;
}

function plural(n: number, one: string, many: string): string {
  return n === 0 ? '' : `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
