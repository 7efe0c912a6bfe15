/**
 * `npm run bench:extract`: prints Margin's extraction quality and speed next to
 * bare Readability.js. Exits 0 with a message when ../shared is missing.
 * `BENCH_RUNS=n` changes the number of timing runs (default 5).
 */
import { SHARED_DIR, runExtractionBench, type Prf } from './extract.ts';

const num = (x: number): string => x.toFixed(4);
const row = (name: string, p: Prf): string => `  ${name.padEnd(12)} F1 ${num(p.f1)}   precision ${num(p.precision)}   recall ${num(p.recall)}`;

const result = await runExtractionBench({ runs: Number(process.env['BENCH_RUNS'] ?? 5), log: (line) => console.error(line) });
if (!result) {
  console.log(`bench:extract skipped: no corpus at ${SHARED_DIR} (corpus/article-extraction-benchmark, tools/extraction-score.mjs)`);
  process.exit(0);
}
console.log(`\narticle-extraction-benchmark (${result.pages} pages, word 4-gram F1)`);
console.log(row('Margin', result.ours));
console.log(row('Readability', result.bare));
if (result.failures.length) console.log(`  Margin returned no article for: ${result.failures.join(', ')}`);
console.log("\n  Margin's lowest pages (F1 / precision / recall, Readability F1):");
for (const w of result.worst) console.log(`    ${w.f1.toFixed(3)} ${w.precision.toFixed(3)} ${w.recall.toFixed(3)}  (${w.bareF1.toFixed(3)})  ${w.url}`);

console.log('\nReadability test pages with Medium markup (F1 against expected.html)');
for (const m of result.medium) {
  console.log(`  ${m.page.padEnd(14)} Margin ${num(m.ours)} (P ${num(m.oursPrf.precision)} R ${num(m.oursPrf.recall)})   Readability ${num(m.bare)}`);
}

const { timing } = result;
console.log(`\nCPU time on the same parsed documents, Margin ÷ Readability (median of ${timing.runs} runs)`);
console.log(`  ratio ${result.timeRatio.toFixed(3)}   (runs: ${timing.runRatios.map((r) => r.toFixed(3)).join(', ')})`);
console.log(`  median page: Margin ${timing.oursPageMedianMs.toFixed(1)} ms, Readability ${timing.barePageMedianMs.toFixed(1)} ms`);
