/**
 * `npm run bench`: every benchmark, one table. Numbers are medians; times are
 * ratios or latencies measured side by side in the same process, never in tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { runAnchorBench } from './anchor';
import { runBrowserAnchorBench } from './anchor-browser';
import { measureBundles } from './bundle-size';
import { runExportBench } from './export';
import { runExtractionBench } from './extract';
import { runImportBench } from './import';
import { runImportServicesBench } from './import-services';
import { runReaderPaintBench } from './reader-paint';
import { runSearchBrowserBench } from './search-browser';
import { runSidePanelPaintBench } from './sidepanel-paint';
import { runSyncBench } from './sync';

const rows: [string, string, string][] = [];
const row = (what: string, value: string, note = '') => rows.push([what, value, note]);
const f3 = (x: number) => x.toFixed(3);

const extraction = await runExtractionBench();
if (extraction) {
  const { ours, bare, timeRatio, medium } = extraction;
  row('Extraction F1 (88 pages, word 4-gram)', `${f3(ours.f1)} vs ${f3(bare.f1)}`, 'Margin vs bare Readability.js');
  row(
    'Extraction precision / recall',
    `${f3(ours.precision)} / ${f3(ours.recall)}`,
    `bare: ${f3(bare.precision)} / ${f3(bare.recall)}`,
  );
  row('Extraction F1, Defuddle', f3(extraction.defuddle.f1), 'same 88 pages and DOM (jsdom)');
  if (extraction.snippets) {
    const s = extraction.snippets;
    row(
      'Snippet F1 (487 trafilatura pages)',
      `${f3(s.margin.score.f1)} vs ${f3(s.readability.score.f1)} vs ${f3(s.defuddle.score.f1)}`,
      'Margin vs Readability vs Defuddle; trafilatura publishes 0.924 on its whole set',
    );
  }
  const cut = extraction.cutShort.length + (extraction.snippets?.cutShort.length ?? 0);
  const none = extraction.noArticle.length + (extraction.snippets?.noArticle.length ?? 0);
  row(
    'Pages cut under half / no article',
    `${cut} / ${none}`,
    'where bare Readability finds > 500 characters (88 + 487 pages)',
  );
  row(
    'Extraction time ratio',
    `${timeRatio.toFixed(2)}×`,
    'Margin ÷ bare Readability, same parsed documents, median of 5',
  );
  for (const m of medium)
    row(`Medium page ${m.page} F1`, `${f3(m.ours)} vs ${f3(m.bare)}`, 'vs expected text, Margin vs bare');
} else {
  row('Extraction', 'skipped', '../shared/corpus is missing');
}

// One run here keeps `npm run bench` short; `npm run bench:anchor` does the full median-of-5 run.
const anchoring = await runAnchorBench({ runs: 1, highlightsPerPage: 100 });
if (anchoring) {
  const { ours, baseline, timeRatio } = anchoring;
  const cases = anchoring.pages.reduce((n, p) => n + p.highlights, 0);
  row(
    'Anchoring after edits: correct (passage present)',
    `${ours.correctPct.toFixed(2)}% vs ${baseline.correctPct.toFixed(2)}%`,
    `Margin vs dom-anchor-text-quote, ${cases} highlights on ${anchoring.pages.length} long pages`,
  );
  row(
    'Anchoring: wrong placements',
    `${ours.wrongPct.toFixed(2)}% vs ${baseline.wrongPct.toFixed(2)}%`,
    'of all cases, deleted passages included',
  );
  row(
    'Anchoring: orphaned',
    `${ours.orphanedPct.toFixed(2)}% vs ${baseline.orphanedPct.toFixed(2)}%`,
    'deleted passages should be orphaned',
  );
  row(
    'Anchoring time ratio',
    `${timeRatio.toFixed(2)}×`,
    'Margin ÷ dom-anchor-text-quote, jsdom, one run (bench:anchor: median of 5)',
  );
}

// The baseline takes tens of seconds per situation: the full comparison is `npm run bench:anchor-browser`.
const browserAnchoring = await runBrowserAnchorBench(1000, 7);
if (browserAnchoring) {
  const { margin } = browserAnchoring;
  row(
    `1,000 highlights anchored in Chromium (${browserAnchoring.textLength} chars)`,
    `${margin.unchanged.ms.toFixed(0)} / ${margin.shifted.ms.toFixed(0)} / ${margin.edited.ms.toFixed(0)} ms`,
    `unchanged / shifted / edited page, median of ${browserAnchoring.runs}`,
  );
  row(
    '200 imported highlights (quote only) placed in Chromium',
    `${margin.imported.ms.toFixed(0)} ms (${margin.imported.placed} placed)`,
    'first visit: each quote found and described; target < 150 ms; the rest are repeated on the page and refused',
  );
} else {
  row('Anchoring in Chromium', 'skipped', 'no /usr/bin/chromium or ../shared/corpus');
}

const search = await runSearchBrowserBench();
if (search) {
  row(
    `Library search, ${search.highlights.toLocaleString('en')} highlights in Chromium: p50 overall`,
    `${search.overallP50Ms.toFixed(1)} ms`,
    `worst query p50 ${search.worstP50Ms.toFixed(1)} ms, ${search.runs} runs per query`,
  );
  for (const q of search.queries)
    row(`  search: ${q.name}`, `${q.p50Ms.toFixed(1)} ms`, `first run ${q.firstMs.toFixed(0)} ms, ${q.hits} hits`);
} else {
  row('Library search in Chromium', 'skipped', 'no /usr/bin/chromium');
}

const exporting = await runExportBench();
for (const r of exporting.rows) {
  row(
    `Export ${exporting.highlights.toLocaleString('en')} highlights / ${exporting.articles} articles: ${r.format}`,
    `${r.medianMs.toFixed(0)} ms`,
    `CPU ${r.medianCpuMs.toFixed(0)} ms, ${r.bytes.toLocaleString('en')} B, median of ${exporting.runs}`,
  );
}
const services = await runImportServicesBench();
row(
  `Import of a Pocket export (${services.articles.toLocaleString('en')} articles, ${services.highlights.toLocaleString('en')} highlights, ${services.zipBytes.toLocaleString('en')} B zip)`,
  `${services.totalMs.toFixed(0)} ms`,
  `preview ${services.previewMs.toFixed(0)} + apply ${services.applyMs.toFixed(0)} ms (CPU ${services.totalCpuMs.toFixed(0)} ms); again ${services.reimportMs.toFixed(0)} ms; heap after each: ${services.heapMb.afterEachRun.map((m) => m.toFixed(0)).join(', ')} MB; target < 10 s`,
);

const importing = await runImportBench();
row(
  `Import of a ${importing.fileBytes.toLocaleString('en')} B backup (${importing.highlights.toLocaleString('en')} highlights)`,
  `${importing.validateMs.toFixed(0)} / ${importing.importMs.toFixed(0)} / ${importing.reimportMs.toFixed(0)} ms`,
  `validate / into an empty db / again (${importing.reimportWrites} writes); heap after each: ${importing.heapMb.afterEachImport.map((m) => m.toFixed(0)).join(', ')} MB`,
);

const syncing = await runSyncBench();
if (syncing) {
  const { first, incremental, baseline, records } = syncing;
  row(
    `Sync: first sync of ${records.toLocaleString('en')} records (real WebDAV server)`,
    `${(first.uploadMs / 1000).toFixed(1)} s up, ${(first.downloadMs / 1000).toFixed(1)} s down`,
    `${first.uploadBytes.toLocaleString('en')} B up, ${first.downloadBytes.toLocaleString('en')} B down; Node + fake-indexeddb`,
  );
  row(
    `Sync: ${incremental.changes} changes on that library`,
    `${incremental.bytes.toLocaleString('en')} B moved`,
    `push ${incremental.pushMs.toFixed(0)} ms, pull ${incremental.pullMs.toFixed(0)} ms, median of ${incremental.runs}; whole-library upload (baseline) ${baseline.backupBytes.toLocaleString('en')} B`,
  );
} else {
  row('Sync', 'skipped', 'no /usr/bin/rclone');
}

const paint = await runReaderPaintBench();
if (paint) {
  for (const p of paint) {
    row(
      `Reader command → painted, ${p.page} (${(p.bytes / 1024).toFixed(0)} KB)`,
      `${p.coldMs.toFixed(0)} ms cold, ${p.warmMs.toFixed(0)} ms warm`,
      `Chromium, median of ${p.runs}; cold = first open in a tab`,
    );
  }
} else {
  row('Reader paint time', 'skipped', 'no /usr/bin/chromium');
}

const sidePanel = await runSidePanelPaintBench();
if (sidePanel) {
  row(
    `Side panel open → ${sidePanel.highlights} cards painted`,
    `${sidePanel.medianMs.toFixed(0)} ms`,
    `Chromium, panel page bound to the tab, median of ${sidePanel.runs}, side by side: first screenful of cards; all ${sidePanel.highlights} in the page ${sidePanel.allCardsMedianMs.toFixed(0)} ms; beside a page with no highlights ${sidePanel.emptyMedianMs.toFixed(0)} ms; floor: bare extension page ${sidePanel.floorMedianMs.toFixed(0)} ms (no script, first paint), ${sidePanel.floorScriptMedianMs.toFixed(0)} ms (one stamping script); first open ${sidePanel.firstMs.toFixed(0)} ms; target < 150 ms`,
  );
} else {
  row('Side panel paint time', 'skipped', 'no /usr/bin/chromium');
}

const bundles = measureBundles(['.output/chrome-mv3', '.output/firefox-mv2']);
for (const b of bundles) {
  if (!b.file.endsWith('.js')) continue;
  row(`Bundle ${b.build}/${b.file}`, `${b.gzipBytes} B gzip`, `${b.bytes} B raw`);
}
const onEveryPage = bundles.find((b) => b.build === 'chrome-mv3' && b.file === 'content-scripts/highlighter.js');
if (onEveryPage) {
  row(
    'Script loaded into every page',
    `${onEveryPage.gzipBytes} B gzip`,
    'the highlighter; the reader bundle is injected only when the user opens the reader',
  );
}

const width = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['what', 'value', 'note'][i]!.length));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(width[i]!)).join(' | ')} |`;
console.log(line(['what', 'value', 'note']));
console.log(`| ${width.map((w) => '-'.repeat(w)).join(' | ')} |`);
for (const r of rows) console.log(line(r));

mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/latest.json',
  JSON.stringify(
    {
      date: new Date().toISOString(),
      extraction,
      anchoring,
      browserAnchoring,
      search,
      exporting,
      importing,
      services,
      syncing,
      paint,
      sidePanel,
      rows,
    },
    null,
    2,
  ),
);
