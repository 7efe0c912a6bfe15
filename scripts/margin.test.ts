// @vitest-environment node
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExportData } from '../utils/export/export-data.ts';
import { article, backupText, body, highlight, pageNote, tag } from '../tests/support/test-records.ts';
import { EXPORT_FORMATS, FORMAT_NAMES } from '../utils/export/export-formats.ts';
import { main, USAGE } from './margin.ts';

let dir: string;
let backup: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'margin-cli-'));
  backup = join(dir, 'backup.json');
  writeFileSync(
    backup,
    backupText(
      {
        articles: [article(2, { createdAt: 9 }), article(1), article(3, { deletedAt: 4 })],
        articleBodies: [body(1)],
        highlights: [
          highlight(2, 1, { note: 'second', position: 50 }),
          highlight(1, 1, { note: 'first', position: 5, tags: ['rust'] }),
          highlight(3, 1, { note: 'deleted', deletedAt: 7 }),
        ],
        pageNotes: [pageNote(1, 1, { text: 'about post 1' })],
        tags: [tag(1, 'rust')],
      },
      { device: 'laptop', settings: { readerSettings: { theme: 'dark' } } },
    ),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('export', () => {
  test('--format json writes the live records, highlights in page order', async () => {
    const outDir = join(dir, 'json');
    const { code, out } = await run('export', backup, '--format', 'json', '--out', outDir);
    expect(code).toBe(0);
    expect(out).toMatch(/^Wrote 1 file \(json\) to .*json:\n {2}margin-export\.json$/);
    const data = JSON.parse(readFileSync(join(outDir, 'margin-export.json'), 'utf8')) as ExportData;
    expect(data.exportedAt).toBe(Date.UTC(2024, 4, 1));
    expect(data.articles.map((a) => a.article.title)).toEqual(['Post 2', 'Post 1']);
    const post1 = data.articles[1]!;
    expect(post1.highlights.map((h) => h.note)).toEqual(['first', 'second']);
    expect(post1.body?.html).toBe('<p>Body</p>');
    expect(post1.pageNote?.text).toBe('about post 1');
    expect(post1.highlights[0]).not.toHaveProperty('words');
    expect(data.tags.map((t) => t.name)).toEqual(['rust']);
  });

  test.each(FORMAT_NAMES)('--format %s writes its files into --out', async (format) => {
    const out = join(dir, `out-${format}`);
    const { code, err } = await run('export', backup, '--format', format, '--out', out);
    expect(err).toBe('');
    expect(code).toBe(0);
    const written = readdirSync(out);
    expect(written.length).toBeGreaterThan(0);
    const text = written.map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
    // Every format carries the live articles' addresses and none of the deleted one.
    expect(text).toContain('https://example.com/post-1');
    expect(text).not.toContain('https://example.com/post-3');
    // Formats with notes carry post 1's, and never the deleted highlight's.
    if (['markdown', 'csv', 'w3c', 'json'].includes(format)) expect(text).toContain('first');
    expect(text).not.toMatch(/\bdeleted\b/);
  });

  test('--template gives the Markdown export a template of your own', async () => {
    const template = join(dir, 'template.md');
    writeFileSync(template, '# {{title}}\n{{#highlights}}\n- {{quote}} ({{note}})\n{{/highlights}}\n');
    const outDir = join(dir, 'templated');
    const { code, err } = await run('export', backup, '--format', 'markdown', '--out', outDir, '--template', template);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(readFileSync(join(outDir, 'Post 1.md'), 'utf8')).toBe(
      '# Post 1\n- passage 1 (first)\n- passage 2 (second)\n',
    );
  });

  test('a template that does not compile is refused with its line and column, and nothing is written', async () => {
    const template = join(dir, 'broken.md');
    writeFileSync(template, '# {{title}}\n{{#highlights}}\n- {{quote}}\n');
    const outDir = join(dir, 'broken-out');
    const { code, err } = await run('export', backup, '--format', 'markdown', '--out', outDir, '--template', template);
    expect(code).toBe(1);
    expect(err).toMatch(/^.*broken\.md: Template error at line \d+, column \d+: /);
    expect(() => readdirSync(outDir)).toThrow();
  });

  test('an unknown format is a usage error', async () => {
    const { code, err } = await run('export', backup, '--format', 'docx', '--out', dir);
    expect(code).toBe(2);
    expect(err).toBe(`Unknown format "docx"; the formats are markdown, csv, w3c, bibtex, ris, csl, json.\n${USAGE}`);
  });

  test.each([
    [['export', 'x.json', '--out', 'd'], 'export needs --format.'],
    [['export', 'x.json', '--format', 'json'], 'export needs --out DIR.'],
    [
      ['export', 'x.json', '--format', 'csv', '--out', 'd', '--template', 't.md'],
      '--template is for --format markdown only.',
    ],
    [['export'], '"export" needs a backup file.'],
    [['import', 'x.json'], 'import needs --out backup.json (or --dry-run).'],
    [['import', '--dry-run'], '"import" needs at least one export file.'],
    [['import', 'x.zip', '--dry-run', '--out', 'b.json'], 'import takes --out FILE or --dry-run, not both.'],
    [['frobnicate', 'x.json'], 'Unknown command "frobnicate".'],
    [['validate', 'a.json', 'b.json'], 'Unexpected argument "b.json".'],
    [['validate', 'a.json', '--colour'], "Unknown option '--colour'"],
  ])('%j is a usage error', async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain(USAGE);
  });

  test('a missing file is named', async () => {
    const { code, err } = await run('export', join(dir, 'nope.json'), '--format', 'json', '--out', dir);
    expect(code).toBe(1);
    expect(err).toBe(`Cannot read ${join(dir, 'nope.json')}: no such file.`);
  });

  test("an invalid backup is refused with the validator's message, and nothing is written", async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      backupText({ articles: [article(1)], highlights: [highlight(1, 1, { colour: 'orange' as never })] }),
    );
    const outDir = join(dir, 'bad-out');
    const { code, err } = await run('export', bad, '--format', 'json', '--out', outDir);
    expect(code).toBe(1);
    expect(err).toBe(
      `${bad}: This backup cannot be imported, and nothing was changed. The problem:\n` +
        '  - records.highlights[0].colour: expected one of yellow, green, blue, pink, purple, got "orange"',
    );
    expect(() => readdirSync(outDir)).toThrow();
  });

  test('a backup whose highlights point at no article is refused', async () => {
    const bad = join(dir, 'dangling.json');
    writeFileSync(bad, backupText({ highlights: [highlight(1, 1)] }));
    const { code, err } = await run('export', bad, '--format', 'json', '--out', dir);
    expect(code).toBe(1);
    expect(err).toMatch(
      /records\.highlights\[0\]\.articleId: a highlight on article .*, which is neither in the file nor in this database/,
    );
  });
});

describe('validate', () => {
  test('prints what importing into an empty database would do', async () => {
    const { code, out } = await run('validate', backup);
    expect(code).toBe(0);
    expect(out).toBe(
      [
        `${backup}: a valid Margin backup (format version 1), made 2024-05-01T00:00:00.000Z on device laptop.`,
        'Imported into an empty database:',
        '  In total: 7 new, 2 deletions recorded.',
        '    articles: 2 new, 1 deletion recorded',
        '    saved copies: 1 new',
        '    highlights: 2 new, 1 deletion recorded',
        '    page notes: 1 new',
        '    tags: 1 new',
        '  settings: readerSettings',
      ].join('\n'),
    );
  });

  test('a truncated file is refused with where it ends', async () => {
    const cut = join(dir, 'cut.json');
    writeFileSync(cut, readFileSync(backup, 'utf8').slice(0, 300));
    const { code, err } = await run('validate', cut);
    expect(code).toBe(1);
    expect(err).toMatch(/^.*cut\.json: The file ends too early, at line 1, column 301/);
  });
});

test('the json format leaves search words out', () => {
  const data: ExportData = { articles: [], tags: [], exportedAt: 0 };
  expect(EXPORT_FORMATS.json(data)).toEqual([
    {
      filename: 'margin-export.json',
      mime: 'application/json',
      content: '{\n  "articles": [],\n  "tags": [],\n  "exportedAt": 0\n}\n',
    },
  ]);
});

test('npm run margin exits non-zero with the message on stderr', async () => {
  const bad = join(dir, 'v2.json');
  writeFileSync(bad, '{"format": "margin-backup", "version": 2}');
  const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/margin.ts', 'validate', bad]);
  const failure = (await run.catch((e: unknown) => e)) as { code: number; stderr: string };
  expect(failure.code).toBe(1);
  expect(failure.stderr).toContain('This backup was made by a newer version of Margin (backup format version 2)');
});

test('a format cannot write outside --out, and then writes nothing at all', async () => {
  const wired = EXPORT_FORMATS.csv;
  EXPORT_FORMATS.csv = () => [
    { filename: 'ok.csv', content: 'a,b\n', mime: 'text/csv' },
    { filename: '../escaped.csv', content: 'x', mime: 'text/csv' },
  ];
  try {
    const outDir = join(dir, 'csv-out');
    const { code, err } = await run('export', backup, '--format', 'csv', '--out', outDir);
    expect(code).toBe(1);
    expect(err).toBe(`Refusing to write "../escaped.csv": it is not a file name inside ${outDir}.`);
    expect(() => readdirSync(outDir)).toThrow();
    expect(readdirSync(dir)).not.toContain('escaped.csv');
  } finally {
    EXPORT_FORMATS.csv = wired;
  }
});
