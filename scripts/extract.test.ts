/**
 * `npm run extract` on saved files: decoded as a browser would, and the JSON
 * says whether Readability's result had to be shown instead of Margin's.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { PROSE, extract, page } from '../tests/support/test-pages';

const dir = mkdtempSync(join(tmpdir(), 'margin-extract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI with `--format json` and parses its one line per file. */
function extractJson(...files: string[]): Record<string, unknown>[] {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/extract.ts', '--format', 'json', '--url', 'https://example.com/a', ...files],
    { encoding: 'utf8' },
  );
  return out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Latin-1 bytes of `text` (every character below U+0100), as a windows-1252 page stores them. */
const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('npm run extract', () => {
  it('decodes a windows-1252 page by its <meta charset>, gzipped or not', () => {
    const sentence = 'Les gardiens du phare se retrouvent chaque été près de la falaise, où la lumière tourne encore.';
    const html = page({ article: `<p>${sentence}</p>${PROSE.map((p) => `<p>${p}</p>`).join('')}` }).replace(
      '<meta charset="utf-8">',
      '<meta charset="windows-1252">',
    );
    writeFileSync(join(dir, 'legacy.html'), latin1(html));
    writeFileSync(join(dir, 'legacy.html.gz'), gzipSync(latin1(html)));
    const [plain, gzipped] = extractJson(join(dir, 'legacy.html'), join(dir, 'legacy.html.gz'));
    expect(plain!['text']).toContain(sentence);
    expect(gzipped!['text']).toContain(sentence);
  });

  it('prints every field of the article the reader gets, led by the file name', () => {
    const html = page({ title: 'Tide tables', article: PROSE.map((p) => `<p>${p}</p>`).join('') });
    writeFileSync(join(dir, 'tides.html'), html);
    const file = join(dir, 'tides.html');
    const [json] = extractJson(file);
    expect(json).toEqual({ file, ...extract(html, 'https://example.com/a'), fallback: null });
  });

  it("prints fallback: null when Margin's own clean-up was kept", () => {
    writeFileSync(join(dir, 'plain.html'), page());
    const [article] = extractJson(join(dir, 'plain.html'));
    expect(article).toHaveProperty('fallback', null);
  });
});
