/**
 * `node --import tsx bench/extract-snapshot.ts out.json [corpus…]`: Margin's
 * whole extraction result (every field: text, HTML, header, fallback) of every
 * page of the shared corpora, as one hash per page. Two snapshots taken before
 * and after a speed change (`--compare a.json b.json`) list the pages whose
 * output differs: a speed change must list none.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { type CorpusName, corpusPages, nextTask, onCopy, runMargin } from './extract-corpora.ts';

const args = process.argv.slice(2);
if (args[0] === '--compare') {
  const read = (file: string): Record<string, string> =>
    JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const a = read(args[1]!);
  const b = read(args[2]!);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const differing = [...keys].filter((k) => a[k] !== b[k]);
  console.log(`${keys.size} pages, ${differing.length} differ${differing.length ? `: ${differing.join(', ')}` : ''}`);
  process.exit(differing.length ? 1 : 0);
}
const out = args[0]!;
const corpora = (args.length > 1 ? args.slice(1) : ['benchmark', 'readability', 'trafilatura']) as CorpusName[];
const hashes: Record<string, string> = {};
const full: Record<string, unknown> = {};
for (const corpus of corpora) {
  for (const page of corpusPages(corpus)) {
    let result: unknown;
    try {
      result = onCopy(page, (doc) => runMargin(page, doc));
    } catch (error) {
      result = { threw: (error as Error).message };
    }
    const json = JSON.stringify(result);
    hashes[`${corpus}/${page.id}`] = createHash('sha256').update(json).digest('hex');
    if (process.env['SNAPSHOT_FULL']) full[`${corpus}/${page.id}`] = result;
    page.dom.close();
    await nextTask();
  }
  console.error(`${corpus} done`);
}
writeFileSync(out, JSON.stringify(hashes, null, 1));
if (process.env['SNAPSHOT_FULL']) writeFileSync(`${out}.full.json`, JSON.stringify(full));
