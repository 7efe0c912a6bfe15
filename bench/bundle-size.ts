/**
 * Sizes of what each build ships, raw and gzipped, per file that runs somewhere:
 * the background, the reader (injected only when the user opens it), extension pages.
 *
 * `inPageBundles` names what reaches web pages: the content scripts the manifest puts in
 * every page, the ones the background injects on demand (the reader), their CSS, and the
 * note card an in-page frame loads (its HTML, the scripts and styles it loads at once).
 * Run on its own (`node --import tsx bench/bundle-size.ts`) it prints them and fails when
 * the script on every page is past its budget (issue #11: 25 KB gzip).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export interface BundleFile {
  build: string;
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** Where a bundle runs in a web page. */
export type InPageKind = 'every page' | 'on demand' | 'note card frame';

export interface InPageBundle extends BundleFile {
  kind: InPageKind;
}

/** The script loaded into every page may not grow past this, gzipped (issue #11). */
export const EVERY_PAGE_BUDGET_GZIP = 25 * 1024;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

function measure(dir: string, file: string): BundleFile {
  const body = readFileSync(join(dir, file));
  return { build: relative('.output', dir), file, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
}

/** Every .js, .css and .html file of the given build directories. */
export function measureBundles(buildDirs: string[]): BundleFile[] {
  return buildDirs.filter(existsSync).flatMap((dir) =>
    walk(dir)
      .filter((f) => /\.(js|css|html)$/.test(f))
      .map((f) => measure(dir, relative(dir, f))),
  );
}

interface Manifest {
  content_scripts?: { js?: string[]; css?: string[] }[];
}

/** The scripts and styles an HTML page of the build loads at once (not its dynamic imports). */
function loadedBy(dir: string, html: string): string[] {
  const text = readFileSync(join(dir, html), 'utf8');
  const refs = [...text.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  return [html, ...new Set(refs)];
}

/** Every file of one build that runs in (or is framed into) web pages, by where it runs. */
export function inPageBundles(buildDir: string): InPageBundle[] {
  if (!existsSync(join(buildDir, 'manifest.json'))) return [];
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as Manifest;
  const everyPage = new Set((manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]));
  const contentScripts = existsSync(join(buildDir, 'content-scripts'))
    ? readdirSync(join(buildDir, 'content-scripts'))
        .filter((f) => /\.(js|css)$/.test(f))
        .map((f) => `content-scripts/${f}`)
    : [];
  const card = existsSync(join(buildDir, 'note-card.html')) ? loadedBy(buildDir, 'note-card.html') : [];
  return [
    ...contentScripts.map((file) => ({
      ...measure(buildDir, file),
      kind: (everyPage.has(file) ? 'every page' : 'on demand') as InPageKind,
    })),
    ...card.map((file) => ({ ...measure(buildDir, file), kind: 'note card frame' as InPageKind })),
  ];
}

function report(buildDirs: string[]): boolean {
  let ok = true;
  console.log('| build | file | runs | bytes | gzip bytes |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const dir of buildDirs) {
    const bundles = inPageBundles(dir);
    for (const b of bundles) console.log(`| ${b.build} | ${b.file} | ${b.kind} | ${b.bytes} | ${b.gzipBytes} |`);
    const card = bundles.filter((b) => b.kind === 'note card frame');
    if (card.length) {
      const sum = (k: 'bytes' | 'gzipBytes') => card.reduce((n, b) => n + b[k], 0);
      console.log(
        `| ${card[0]!.build} | (note card, total) | note card frame | ${sum('bytes')} | ${sum('gzipBytes')} |`,
      );
    }
    for (const b of bundles.filter((b) => b.kind === 'every page' && b.file.endsWith('.js'))) {
      if (b.gzipBytes > EVERY_PAGE_BUDGET_GZIP) {
        ok = false;
        console.error(
          `${b.build}/${b.file}: ${b.gzipBytes} B gzip, over the ${EVERY_PAGE_BUDGET_GZIP} B budget for the script on every page`,
        );
      }
    }
  }
  return ok;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!report(['.output/chrome-mv3', '.output/firefox-mv2'])) process.exitCode = 1;
}
