/**
 * `node --import tsx bench/anchor.bench.ts [runs] [highlightsPerPage] [--no-baseline]`:
 * the anchoring benchmark (bench/anchor.ts) as a table. `--no-baseline` skips
 * dom-anchor-text-quote (it takes most of the time); ANCHOR_BENCH_DEBUG=1
 * prints every passage Margin lost or misplaced.
 */
import { runAnchorBench, EDIT_KINDS, type SideResult } from './anchor';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const baseline = !process.argv.includes('--no-baseline');
const result = await runAnchorBench({
  runs: Number(args[0] ?? 5),
  highlightsPerPage: Number(args[1] ?? 200),
  baseline,
});
if (!result) process.exit(0);

const f = (x: number) => x.toFixed(2);
const line = (name: string, s: SideResult) =>
  `${name.padEnd(22)} correct ${f(s.correctPct).padStart(6)}% of present | wrong ${f(s.wrongPct).padStart(5)}% (${s.tally.wrong}, ${s.tally.wrongOverlapping} overlapping) | orphaned ${f(s.orphanedPct).padStart(5)}% (lost ${f(s.lostPct)}% of present) | ${s.ms.toFixed(1)} ms`;

console.log(
  `pages: ${result.pages.map((p) => `${p.name} (${p.textLength} chars, ${p.highlights} highlights)`).join(', ')}`,
);
console.log(
  `runs: ${result.runs}, medians; totals over all runs: ${result.ours.tally.cases} cases, ${result.ours.tally.present} with the passage still present`,
);
console.log(line('Margin', result.ours));
if (baseline) {
  console.log(line('dom-anchor-text-quote', result.baseline));
  console.log(`time ratio (Margin ÷ dom-anchor-text-quote): ${result.timeRatio.toFixed(3)}×`);
}
console.log('\nper edit kind (all runs): correct/present, wrong, orphaned — Margin | dom-anchor-text-quote');
for (const k of EDIT_KINDS) {
  const { ours } = result.byKind[k];
  const c = (t: typeof ours) => `${t.correct}/${t.present} ok, ${t.wrong} wrong, ${t.orphaned} orphaned`;
  console.log(`  ${k.padEnd(20)} ${c(ours).padEnd(40)}${baseline ? ` | ${c(result.byKind[k].baseline)}` : ''}`);
}
