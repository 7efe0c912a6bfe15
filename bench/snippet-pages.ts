/**
 * Per-page snippet scoring of the trafilatura set (`../shared/corpus/
 * trafilatura-eval`), split into two fixed halves by a hash of the page id
 * (A: even, B: odd), so a rule can be studied on one half and checked on the
 * other, which stands for pages nobody has seen. Counts as
 * `../shared/tools/snippet-score.mjs` does (accuracy over all snippets).
 * Writes every page's missed and leaked snippets and its text to
 * `$OUT/<tag>.json` (default: a folder in the system's temp dir) and prints
 * the score of each half.
 *
 *   node --max-old-space-size=4096 --import tsx bench/snippet-pages.ts <tag> [A|B|all] [--readability]
 *
 * `--readability` scores bare Readability.js instead of Margin.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusPages, runMargin, runReadability, clone, trafilaturaAnnotations } from './extract-corpora.ts';

/** The fixed half of a page: a string hash of its id, even or odd. */
export function half(id: string): 'A' | 'B' {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % 2 === 0 ? 'A' : 'B';
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const [tag = 'run', which = 'all'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const bare = process.argv.includes('--readability');
const ann = trafilaturaAnnotations()!;
const out = process.env['OUT'] ?? join(tmpdir(), 'margin-snippet-pages');
mkdirSync(out, { recursive: true });
const only = new Set(Object.keys(ann).filter((id) => which === 'all' || half(id) === which));
const pages: Record<string, { half: string; missed: string[]; leaked: string[]; chars: number; text: string }> = {};
const sum = { A: { tp: 0, fp: 0, fn: 0, tn: 0 }, B: { tp: 0, fp: 0, fn: 0, tn: 0 } };
for (const page of corpusPages('trafilatura', only)) {
  let text = '';
  try {
    text = bare ? runReadability(clone(page)) : (runMargin(page)?.text ?? '');
  } catch (e) {
    console.error(page.id, (e as Error).message);
  }
  const t = norm(text);
  const item = ann[page.id]!;
  const missed = item.with.filter((w) => !t.includes(norm(w)));
  const leaked = item.without.filter((w) => t.includes(norm(w)));
  const h = half(page.id);
  const s = sum[h];
  s.tp += item.with.length - missed.length;
  s.fn += missed.length;
  s.fp += leaked.length;
  s.tn += item.without.length - leaked.length;
  pages[page.id] = { half: h, missed, leaked, chars: t.length, text };
}
const acc = (s: { tp: number; fp: number; fn: number; tn: number }) => (s.tp + s.tn) / (s.tp + s.tn + s.fp + s.fn || 1);
const all = { tp: sum.A.tp + sum.B.tp, fp: sum.A.fp + sum.B.fp, fn: sum.A.fn + sum.B.fn, tn: sum.A.tn + sum.B.tn };
writeFileSync(join(out, `${tag}.json`), JSON.stringify(pages));
const f = (n: number) => n.toFixed(4);
console.log(
  `${tag}: A ${f(acc(sum.A))} (fn ${sum.A.fn} fp ${sum.A.fp})  B ${f(acc(sum.B))} (fn ${sum.B.fn} fp ${sum.B.fp})  all ${f(acc(all))}`,
);
