// @vitest-environment node
/**
 * `npm run margin -- import`, spawned as a person runs it: the backup it writes is
 * the golden one, a dry run writes nothing, a bad file exits non-zero with the
 * library's message.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { FIXTURES, zipFixture } from '../tests/fixtures/import/fixture-files.ts';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'margin-import-cli-'));
  writeFileSync(join(dir, 'pocket.zip'), zipFixture('pocket-export'));
  writeFileSync(join(dir, 'omnivore.zip'), zipFixture('omnivore-export'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function margin(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      'scripts/margin.ts',
      ...args,
    ]);
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout, err: e.stderr };
  }
}

const records = (text: string) => (JSON.parse(text) as { records: unknown }).records;

test.each(['pocket', 'omnivore'])(
  'converts the %s export into the golden backup, printing the preview',
  async (name) => {
    const out = join(dir, `${name}.json`);
    const run = await margin('import', join(dir, `${name}.zip`), '--out', out);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/In total: \d+ new\./);
    expect(run.out).toMatch(/articles: \d+ new/);
    expect(run.out).toMatch(
      new RegExp(`Wrote ${out.replace(/[.\\]/g, '\\$&')}: a Margin backup of \\d+ articles, \\d+ highlights`),
    );
    const golden = readFileSync(new URL(`../tests/golden/import/${name}.backup.json`, import.meta.url), 'utf8');
    expect(records(readFileSync(out, 'utf8'))).toEqual(records(golden));
  },
);

test('--dry-run prints the preview of every file and writes nothing', async () => {
  const run = await margin('import', join(dir, 'pocket.zip'), join(FIXTURES, 'readwise-export.csv'), '--dry-run');
  expect(run.code).toBe(0);
  expect(run.out).toContain(
    `${join(dir, 'pocket.zip')}: Pocket export\n  In total: 12 new.\n    articles: 5 new\n    highlights: 3 new\n    tags: 4 new`,
  );
  expect(run.out).toContain('Readwise CSV');
  expect(run.out).toContain('skipped, "javascript:alert(1)" is not a web (http or https) address');
  expect(run.out).toMatch(
    /Dry run: nothing written\. A backup would hold 6 articles, 5 highlights, 0 page notes, 0 saved copies\./,
  );
});

test("a bad file exits 1 with the library's message, and no backup is written", async () => {
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '[{"url": "https://example.com/a", "highlights": [{"text": 42}]}]');
  const out = join(dir, 'never.json');
  const run = await margin('import', join(dir, 'pocket.zip'), bad, '--out', out);
  expect(run.code).toBe(1);
  expect(run.err.trim()).toBe(
    `${bad}: This file cannot be imported, and nothing was changed:\n  - ${bad} [0].highlights[0].text: Invalid input: expected string, received number`,
  );
  expect(existsSync(out)).toBe(false);
});

test('usage errors exit 2', async () => {
  expect((await margin('import', join(dir, 'pocket.zip'))).code).toBe(2);
  expect((await margin('import', '--dry-run')).code).toBe(2);
  const missing = await margin('import', join(dir, 'nope.zip'), '--dry-run');
  expect(missing).toMatchObject({ code: 1, err: `Cannot read ${join(dir, 'nope.zip')}: no such file.\n` });
});
