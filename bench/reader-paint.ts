/**
 * Time from the reader command to the reader view painted, in real Chromium with
 * the built extension: the command leaves an extension page (as the popup's would),
 * the reader stamps the first painted frame. Cold = first open in a freshly loaded
 * tab (injects the reader bundle); warm = a later open in the same tab.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import {
  chromiumAvailable,
  launchChromiumWithExtension,
  sendReaderToggle,
  type ChromiumSession,
} from '../scripts/lib/chromium';
import { startServer } from '../scripts/serve';
import { median } from './stats';

export interface PaintResult {
  page: string;
  bytes: number;
  coldMs: number;
  warmMs: number;
  runs: number;
}

const SHARED = resolve('../shared/corpus');

/** The largest page (uncompressed) of the shared corpora: the worst case for extraction. */
function largestCorpusPage(): { urlPath: string; bytes: number; name: string } | null {
  if (!existsSync(SHARED)) return null;
  let best: { urlPath: string; bytes: number; name: string } | null = null;
  const readability = join(SHARED, 'readability');
  for (const dir of existsSync(readability) ? readdirSync(readability) : []) {
    const file = join(readability, dir, 'source.html');
    if (!existsSync(file)) continue;
    const bytes = statSync(file).size;
    if (!best || bytes > best.bytes)
      best = { urlPath: `corpus/readability/${dir}/source.html`, bytes, name: `readability/${dir}` };
  }
  const aeb = join(SHARED, 'article-extraction-benchmark', 'html');
  for (const name of existsSync(aeb) ? readdirSync(aeb) : []) {
    if (!name.endsWith('.html.gz')) continue;
    const bytes = gunzipSync(readFileSync(join(aeb, name))).length;
    if (!best || bytes > best.bytes)
      best = {
        urlPath: `corpus/article-extraction-benchmark/html/${name}`,
        bytes,
        name: `article-extraction-benchmark/${name}`,
      };
  }
  return best;
}

async function paintedAt(page: Page): Promise<number> {
  const host = page.locator('margin-reader');
  await host.waitFor({ state: 'attached' });
  await page.waitForFunction(() => document.querySelector('margin-reader')?.hasAttribute('data-painted-at'));
  return Number(await host.getAttribute('data-painted-at'));
}

async function measure(
  session: ChromiumSession,
  url: string,
  runs: number,
): Promise<{ cold: number[]; warm: number[] }> {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await session.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    let { result, sentAt } = await sendReaderToggle(session, page);
    if (result.state !== 'opened') throw new Error(`reader did not open on ${url}: ${JSON.stringify(result)}`);
    cold.push((await paintedAt(page)) - sentAt);
    await sendReaderToggle(session, page); // close
    ({ result, sentAt } = await sendReaderToggle(session, page));
    warm.push((await paintedAt(page)) - sentAt);
    await page.close();
  }
  return { cold, warm };
}

/** Runs the paint benchmark; null when Chromium is not installed. */
export async function runReaderPaintBench(runs = 7): Promise<PaintResult[] | null> {
  if (!chromiumAvailable()) return null;
  const server = await startServer({ root: resolve('demo'), mounts: existsSync(SHARED) ? { '/corpus/': SHARED } : {} });
  const session = await launchChromiumWithExtension();
  try {
    const pages = [
      {
        urlPath: 'kubecon-eu-2024-day-two/',
        name: 'sample post',
        bytes: statSync('demo/kubecon-eu-2024-day-two/index.html').size,
      },
    ];
    const largest = largestCorpusPage();
    if (largest) pages.push(largest);
    const results: PaintResult[] = [];
    for (const p of pages) {
      const { cold, warm } = await measure(session, new URL(p.urlPath, server.url).href, runs);
      results.push({ page: p.name, bytes: p.bytes, coldMs: median(cold), warmMs: median(warm), runs });
    }
    return results;
  } finally {
    await session.close();
    await server.close();
  }
}
