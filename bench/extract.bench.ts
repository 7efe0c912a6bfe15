/**
 * `npm run bench:extract`: prints Margin's extraction quality and speed next to
 * bare Readability.js and Defuddle. Exits 0 with a message when ../shared is
 * missing. `BENCH_RUNS=n` changes the number of timing runs (default 5);
 * `BENCH_SNIPPETS=0` skips the trafilatura set; `BENCH_ONLY_RATIO=1` (or
 * `--only-ratio`) only times Margin against Readability, in about a minute.
 */
import { SHARED_DIR, runExtractionBench, type Prf } from './extract.ts';

const num = (x: number): string => x.toFixed(4);
const row = (name: string, p: Prf): string =>
  `  ${name.padEnd(12)} F1 ${num(p.f1)}   precision ${num(p.precision)}   recall ${num(p.recall)}`;

const onlyRatio = process.env['BENCH_ONLY_RATIO'] === '1' || process.argv.includes('--only-ratio');
const result = await runExtractionBench({
  runs: Number(process.env['BENCH_RUNS'] ?? 5),
  snippets: process.env['BENCH_SNIPPETS'] !== '0',
  onlyRatio,
  log: (line) => console.error(line),
});
if (!result) {
  console.log(
    `bench:extract skipped: no corpus at ${SHARED_DIR} (corpus/article-extraction-benchmark, tools/extraction-score.mjs)`,
  );
  process.exit(0);
}
if (onlyRatio) {
  const { timing } = result;
  console.log(
    `CPU time on the same parsed documents (${result.pages} pages), Margin ÷ Readability, quick mode (no scoring, no Defuddle)`,
  );
  console.log(
    `  Margin ratio ${result.timeRatio.toFixed(3)} (target ≤ 1.2), median of ${timing.runs} runs: ${timing.runRatios.map((r) => r.toFixed(3)).join(', ')}`,
  );
  console.log(
    `  median page: Margin ${timing.oursPageMedianMs.toFixed(1)} ms, Readability ${timing.barePageMedianMs.toFixed(1)} ms`,
  );
  process.exit(0);
}
console.log(`\narticle-extraction-benchmark (${result.pages} pages, word 4-gram F1)`);
console.log(row('Margin', result.ours));
console.log(row('Readability', result.bare));
console.log(row('Defuddle', result.defuddle));
if (result.failures.length) console.log(`  Margin returned no article for: ${result.failures.join(', ')}`);
console.log(
  `  cut under half of Readability's text: ${result.cutShort.length}${result.cutShort.length ? ` (${result.cutShort.join(', ')})` : ''}`,
);
console.log(
  `  no article where Readability finds > 500 characters: ${result.noArticle.length}${result.noArticle.length ? ` (${result.noArticle.join(', ')})` : ''}`,
);
console.log("\n  Margin's lowest pages (F1 / precision / recall, Readability F1):");
for (const w of result.worst)
  console.log(
    `    ${w.f1.toFixed(3)} ${w.precision.toFixed(3)} ${w.recall.toFixed(3)}  (${w.bareF1.toFixed(3)})  ${w.url}`,
  );

console.log('\nReadability test pages with Medium markup (F1 against expected.html)');
for (const m of result.medium) {
  console.log(
    `  ${m.page.padEnd(14)} Margin ${num(m.ours)} (P ${num(m.oursPrf.precision)} R ${num(m.oursPrf.recall)})   Readability ${num(m.bare)}`,
  );
}

const { snippets } = result;
if (snippets) {
  const snippetRow = (name: string, c: typeof snippets.margin): string =>
    `  ${name.padEnd(12)} F1 ${num(c.score.f1)}   accuracy ${num(c.score.accuracy)}   P ${num(c.score.precision)}   R ${num(c.score.recall)}   CPU ${(c.cpuMs / 1000).toFixed(1)} s   empty ${c.empty}`;
  console.log(
    `\ntrafilatura evaluation set (${snippets.pages} pages, snippet score: ../shared/tools/snippet-score.mjs; F1 is the number the issue and trafilatura quote: bare Readability.js 0.863)`,
  );
  console.log(snippetRow('Margin', snippets.margin));
  console.log(snippetRow('Readability', snippets.readability));
  console.log(snippetRow('Defuddle', snippets.defuddle));
  console.log(
    `  time ratio to Readability: Margin ${(snippets.margin.cpuMs / snippets.readability.cpuMs).toFixed(3)}, Defuddle ${(snippets.defuddle.cpuMs / snippets.readability.cpuMs).toFixed(3)} (one pass)`,
  );
  console.log(`  Margin fell back to Readability's result on ${snippets.fallbacks} pages`);
  console.log(`  cut under half of Readability's text: ${snippets.cutShort.length}`);
  for (const c of snippets.cutShort) console.log(`    ${c.marginChars} of ${c.readabilityChars}  ${c.id} ${c.url}`);
  console.log(`  no article where Readability finds > 500 characters: ${snippets.noArticle.length}`);
  for (const c of snippets.noArticle) console.log(`    ${c.readabilityChars}  ${c.id} ${c.url}`);
}

const { timing } = result;
console.log(`\nCPU time on the same parsed documents (88 pages), ÷ Readability (median of ${timing.runs} runs)`);
console.log(
  `  Margin ratio ${result.timeRatio.toFixed(3)} (target ≤ 1.2)   (runs: ${timing.runRatios.map((r) => r.toFixed(3)).join(', ')})`,
);
console.log(`  Defuddle ratio ${result.defuddleTimeRatio.toFixed(3)}`);
console.log(
  `  median page: Margin ${timing.oursPageMedianMs.toFixed(1)} ms, Readability ${timing.barePageMedianMs.toFixed(1)} ms, Defuddle ${timing.defuddlePageMedianMs.toFixed(1)} ms`,
);
