/**
 * `node --cpu-prof --cpu-prof-dir=DIR --import tsx bench/extract-profile.ts [runs]`:
 * runs Margin's `extractArticle` (or, with `EXTRACT_PROFILE=readability`, bare
 * Readability) over the 88 benchmark pages `runs` times (default 3) on fresh
 * copies, for a CPU profile of extraction alone. Read the profile with
 * `bench/profile-summary.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { decodeHtmlFile } from '../utils/extraction/decode-html.ts';
import { extractArticle } from '../utils/extraction/index.ts';
import { parseHtml, releaseDocument } from '../utils/extraction/node-dom.ts';
import { BENCHMARK_DIR } from './extract-corpora.ts';

const runs = Number(process.argv[2] ?? 3);
const bare = process.env['EXTRACT_PROFILE'] === 'readability';
const truth = JSON.parse(readFileSync(join(BENCHMARK_DIR, 'ground-truth.json'), 'utf8')) as Record<
  string,
  { url?: string }
>;
const pages = Object.keys(truth).map((id) => {
  const url = truth[id]!.url ?? 'https://example.com/';
  return { url, dom: parseHtml(decodeHtmlFile(readFileSync(join(BENCHMARK_DIR, 'html', `${id}.html.gz`))).html, url) };
});
let ms = 0;
for (let run = 0; run < runs; run++) {
  for (const { url, dom } of pages) {
    const doc = dom.document.cloneNode(true) as Document;
    const start = process.cpuUsage();
    try {
      if (bare) new Readability(doc).parse();
      else extractArticle(doc, { url, window: dom.window });
    } catch {
      // the benchmark reports failures
    }
    const used = process.cpuUsage(start);
    ms += (used.user + used.system) / 1000;
    releaseDocument(doc);
  }
}
console.log(`${bare ? 'Readability' : 'Margin'}: ${(ms / runs).toFixed(0)} ms CPU a run (${runs} runs)`);
