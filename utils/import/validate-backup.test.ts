import { describe, expect, test } from 'vitest';
import { BACKUP_LIMITS } from '@/utils/backup/backup-limits';
import { article, backupText, body, highlight, pageNote, tag, uuid } from '../../tests/support/test-records';
import { formatRefusal, validateBackup, validateRecordSet, type BackupValidation } from './validate-backup';

function refusal(result: { ok: true } | { ok: false; message: string; problems: string[] }): {
  message: string;
  problems: string[];
} {
  if (result.ok) throw new Error('expected the file to be refused');
  return result;
}

const VALID = backupText({
  articles: [article(1)],
  articleBodies: [body(1)],
  highlights: [highlight(1, 1, { note: 'a note', tags: ['rust'] })],
  pageNotes: [pageNote(1, 1)],
  tags: [tag(1, 'rust')],
});

test('a valid backup is read back with its records', () => {
  const result = validateBackup(VALID);
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(result.backup.records.highlights[0]).toEqual(highlight(1, 1, { note: 'a note', tags: ['rust'] }));
  expect(result.backup.records.articles).toEqual([article(1)]);
});

test('bytes are read as UTF-8, a byte order mark is skipped, and anything not UTF-8 is refused', () => {
  const bytes = new TextEncoder().encode(`\uFEFF${VALID}`);
  expect(validateBackup(bytes).ok).toBe(true);
  expect(validateBackup(`\uFEFF${VALID}`).ok).toBe(true);
  expect(refusal(validateBackup(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).message).toMatch(/not UTF-8 text/);
});

describe('files that are not JSON', () => {
  test('a syntax error is reported with its line and column', () => {
    const text = '{\n  "format": "margin-backup",\n  "version": 1,\n}';
    expect(refusal(validateBackup(text)).message).toBe(
      'The file is not valid JSON: at line 4, column 1 (character 48), a property name in double quotes was expected, not "}".',
    );
  });

  test('a truncated file says it was cut short', () => {
    const cut = VALID.slice(0, Math.floor(VALID.length / 2));
    expect(refusal(validateBackup(cut)).message).toMatch(/^The file ends too early, at line 1, column \d+ .*cut short/);
  });

  test('an empty file says so', () => {
    expect(refusal(validateBackup('  \n')).message).toBe('The file is empty.');
  });
});

describe('files that are not a Margin backup this version reads', () => {
  test.each([
    ['[1, 2]', /holds a list, not a backup object/],
    ['"margin"', /holds "margin", not a backup object/],
    ['{"records": {}}', /has no "format" field/],
    ['{"format": "other-app", "version": 1}', /its "format" is "other-app", not "margin-backup"/],
    [
      '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection"}',
      /looks like W3C or Hypothesis annotations/,
    ],
    ['[{"type": "Annotation", "target": "https://example.com"}]', /list of W3C or Hypothesis annotations/],
    [
      '{"format": "margin-backup", "version": 2, "records": {}}',
      /newer version of Margin \(backup format version 2\).*reads version 1.*update Margin/,
    ],
    ['{"format": "margin-backup", "version": "1"}', /"version" must be a whole number from 1; it is "1"/],
    ['{"format": "margin-backup", "version": 0}', /"version" must be a whole number from 1; it is 0/],
  ])('%s', (text, message) => {
    expect(refusal(validateBackup(text)).message).toMatch(message);
  });
});

describe('records that do not fit the schema', () => {
  test('each problem names its path and what was expected', () => {
    const text = backupText({
      articles: [article(1), { ...article(2), url: 'not a url' }],
      highlights: [
        highlight(1, 1),
        { ...highlight(2, 1), colour: 'orange' as never },
        { ...highlight(3, 1), position: -1, quote: 42 as never },
      ],
      pageNotes: [{ ...pageNote(1, 1), text: undefined as never }],
      tags: [{ ...tag(1, 'x'), id: 'tag-1' }],
    });
    const { message, problems } = refusal(validateBackup(text));
    expect(message).toBe('This backup cannot be imported, and nothing was changed. The 6 problems:');
    expect(problems).toEqual([
      'records.articles[1].url: is not an absolute URL',
      'records.highlights[1].colour: expected one of yellow, green, blue, pink, purple, got "orange"',
      'records.highlights[2].quote: expected text, got 42',
      'records.highlights[2].position: must be 0 or more',
      'records.pageNotes[0].text: missing (text is required)',
      'records.tags[0].id: is not a valid UUID (got "tag-1")',
    ]);
  });

  test('only the first problems are listed', () => {
    const highlights = Array.from({ length: 50 }, (_, i) => highlight(i, 1, { colour: 'red' as never }));
    const { message, problems } = refusal(validateBackup(backupText({ articles: [article(1)], highlights })));
    expect(message).toMatch(/The first 10 problems found:$/);
    expect(problems).toHaveLength(BACKUP_LIMITS.maxProblems);
    expect(problems[9]).toMatch(/^records\.highlights\[9\]\.colour/);
  });

  test('a highlight without a quote selector, a selector of an unknown type', () => {
    const noQuote = highlight(1, 1, { selectors: [{ type: 'TextPositionSelector', start: 1, end: 2 }] });
    const unknown = highlight(2, 1, { selectors: [{ type: 'CssSelector', value: 'p' } as never] });
    const { problems } = refusal(
      validateBackup(backupText({ articles: [article(1)], highlights: [noQuote, unknown] })),
    );
    expect(problems).toEqual([
      'records.highlights[0].selectors: needs a TextQuoteSelector',
      'records.highlights[1].selectors[0].type: expected one of TextQuoteSelector, TextPositionSelector, got "CssSelector"',
    ]);
  });

  test('two records of a table with one id', () => {
    const { problems } = refusal(validateBackup(backupText({ articles: [article(1), article(2), article(1)] })));
    expect(problems).toEqual(['records.articles[2].id: the same id as records.articles[0]']);
  });

  test('a table that is not a list', () => {
    const text = JSON.stringify({ format: 'margin-backup', version: 1, exportedAt: 0, records: { articles: {} } });
    expect(refusal(validateBackup(text)).problems).toEqual([
      'records.articles: expected a list, got an object',
      'records.articleBodies: missing (a list is required)',
      'records.highlights: missing (a list is required)',
      'records.pageNotes: missing (a list is required)',
      'records.tags: missing (a list is required)',
    ]);
  });

  test('tag names are stored normalized, and a name with nothing left is refused', () => {
    const ok = validateBackup(
      backupText({
        articles: [article(1)],
        highlights: [highlight(1, 1, { tags: [' Rust', '#rust', 'Web  Dev'] })],
        tags: [tag(1, '#Rust ')],
      }),
    );
    expect(ok.ok && ok.backup.records.highlights[0]!.tags).toEqual(['rust', 'web dev']);
    expect(ok.ok && ok.backup.records.tags[0]!.name).toBe('rust');
    expect(refusal(validateBackup(backupText({ tags: [tag(1, ' # ')] }))).problems).toEqual([
      'records.tags[0].name: a tag needs a name',
    ]);
  });
});

describe('settings', () => {
  test('are checked for type and clamped to their ranges', () => {
    const text = backupText(
      {},
      { settings: { readerSettings: { theme: 'dark', fontSize: 99 }, highlightSettings: { defaultColour: 'blue' } } },
    );
    const result = validateBackup(text);
    expect(result.ok && result.backup.settings).toEqual({
      readerSettings: { theme: 'dark', font: 'serif', fontSize: 32, lineWidth: 70, lineHeight: 1.6 },
      highlightSettings: { defaultColour: 'blue', toolbarOnSelect: true },
    });
  });

  test('a wrong value is a problem, and a backup without settings has none', () => {
    const text = backupText({}, { settings: { readerSettings: { theme: 'neon' } } });
    expect(refusal(validateBackup(text)).problems).toEqual([
      'settings.readerSettings.theme: expected one of light, sepia, dark, system, got "neon"',
    ]);
    const bare = JSON.parse(backupText({})) as Record<string, unknown>;
    delete bare.settings;
    const result = validateBackup(JSON.stringify(bare));
    expect(result.ok && result.backup.settings).toEqual({});
  });
});

describe('hostile files', () => {
  test('a file over the size limit is refused before it is read', () => {
    const huge = new Uint8Array(BACKUP_LIMITS.maxBytes + 1); // zeros: never decoded
    expect(refusal(validateBackup(huge)).message).toBe(
      'The file is 268,435,457 bytes; a Margin backup may be at most 268,435,456 bytes.',
    );
    expect(refusal(validateBackup(VALID, { maxBytes: 100 })).message).toMatch(
      /^The file is [\d,]+ bytes; a Margin backup may be at most 100 bytes\.$/,
    );
  });

  test('a 50 MB string is refused with its path, whatever field it is in', () => {
    const note = 'x'.repeat(50_000_000);
    const { problems } = refusal(
      validateBackup(backupText({ articles: [article(1)], highlights: [highlight(1, 1, { note })] })),
    );
    expect(problems).toEqual([
      'records.highlights[0].note: text of 50,000,000 characters; no field may be longer than 10,000,000',
    ]);
    const inUnknownField = backupText({ articles: [{ ...article(1), padding: note } as never] });
    expect(refusal(validateBackup(inUnknownField)).problems[0]).toMatch(
      /^records\.articles\[0\]\.padding: text of 50,000,000/,
    );
  });

  test('a position selector whose end is before its start is refused, as a W3C import refuses it', () => {
    const selectors = [
      { type: 'TextQuoteSelector' as const, exact: 'passage 1' },
      { type: 'TextPositionSelector' as const, start: 20, end: 10 },
    ];
    const { problems } = refusal(
      validateBackup(backupText({ articles: [article(1)], highlights: [highlight(1, 1, { selectors })] })),
    );
    expect(problems).toEqual(['records.highlights[0].selectors[1].end: end is before start']);
  });

  test("a field's own limit applies below the general one", () => {
    const { problems } = refusal(validateBackup(backupText({ articles: [article(1, { title: 't'.repeat(20_000) })] })));
    expect(problems).toEqual(['records.articles[0].title: text of 20,000 characters; at most 10,000 allowed']);
  });

  test('too many records are refused before any is checked', () => {
    const articles = Array.from({ length: 6 }, (_, i) => article(i));
    expect(refusal(validateBackup(backupText({ articles }), { maxRecords: 5 })).message).toBe(
      'The backup holds 6 records; an import takes at most 5.',
    );
  });

  test('deep nesting is refused', () => {
    let nested: unknown = 'x';
    for (let i = 0; i < 100; i++) nested = [nested];
    const text = backupText({ articles: [{ ...article(1), extra: nested } as never] });
    expect(refusal(validateBackup(text)).problems[0]).toMatch(
      /^records\.articles\[0\]\.extra(\[0\])+: nested more than 32 levels deep$/,
    );
  });

  test.each(['__proto__', 'constructor', 'prototype'])('a "%s" key anywhere is refused and pollutes nothing', (key) => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const poison = `{"${key}": {"polluted": true, "isAdmin": true}}`;
    const a = JSON.stringify(article(1)).replace(/^\{/, `{"${key}": {"polluted": true},`);
    const h = JSON.stringify(highlight(1, 1)).replace(
      '"type":"TextQuoteSelector"',
      `"type":"TextQuoteSelector","${key}":${poison}`,
    );
    const text = `{"${key}": {"polluted": true}, "format": "margin-backup", "version": 1, "exportedAt": 0, "settings": {"readerSettings": ${poison}}, "records": {"articles": [${a}], "articleBodies": [], "highlights": [${h}], "pageNotes": [], "tags": []}}`;

    const { problems } = refusal(validateBackup(text));
    expect(problems).toEqual([
      `${key}: the key "${key}" is not allowed in a backup`,
      `settings.readerSettings.${key}: the key "${key}" is not allowed in a backup`,
      `records.articles[0].${key}: the key "${key}" is not allowed in a backup`,
      `records.highlights[0].selectors[0].${key}: the key "${key}" is not allowed in a backup`,
    ]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(typeof Object.prototype.constructor).toBe('function');
  });

  test('HTML and script in text fields are kept as text, and nothing runs', () => {
    const script =
      '<script>globalThis.__marginPwned = true</script><img src=x onerror="globalThis.__marginPwned = true">';
    const text = backupText({
      articles: [article(1, { title: script, author: '<b>Mallory</b>' })],
      articleBodies: [body(1, { html: `<p>hi</p>${script}`, text: script })],
      highlights: [highlight(1, 1, { note: script, quote: '<i>q</i>', tags: ['<svg onload=alert(1)>'] })],
    });
    const result = validateBackup(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.backup.records.articles[0]!.title).toBe(script);
    expect(result.backup.records.articleBodies[0]!.html).toBe(`<p>hi</p>${script}`);
    expect(result.backup.records.highlights[0]!.note).toBe(script);
    expect(result.backup.records.highlights[0]!.tags).toEqual(['<svg onload=alert(1)>']);
    expect((globalThis as Record<string, unknown>).__marginPwned).toBeUndefined();
  });
});

test('formatRefusal puts the headline over one problem a line', () => {
  const result = validateBackup(backupText({ tags: [{ ...tag(1, 'x'), colour: 'red' as never }] }));
  expect(formatRefusal(refusal(result) as Extract<BackupValidation, { ok: false }>)).toBe(
    'This backup cannot be imported, and nothing was changed. The problem:\n' +
      '  - records.tags[0].colour: expected one of yellow, green, blue, pink, purple, got "red"',
  );
  expect(uuid(1)).toMatch(/-000000000001$/);
});

describe('validateRecordSet: the same gate for records from a W3C import', () => {
  test('valid records come back without derived fields', () => {
    const result = validateRecordSet({
      articles: [{ ...article(1), host: 'x', words: ['planted'] } as never],
      articleBodies: [],
      highlights: [{ ...highlight(1, 1, { tags: ['Rust'] }), words: ['planted'] } as never],
      pageNotes: [],
      tags: [],
    });
    expect(result.ok && result.records.articles[0]).toEqual(article(1));
    expect(result.ok && result.records.highlights[0]).toEqual(highlight(1, 1, { tags: ['rust'] }));
  });

  test('a bad record, a huge string or a prototype key is refused with its path', () => {
    const bad = {
      articles: [article(1)],
      articleBodies: [],
      highlights: [highlight(1, 1, { colour: 'teal' as never })],
      pageNotes: [],
      tags: [],
    };
    expect(refusal(validateRecordSet(bad)).problems).toEqual([
      'records.highlights[0].colour: expected one of yellow, green, blue, pink, purple, got "teal"',
    ]);
    const huge = { ...bad, highlights: [highlight(1, 1, { note: 'x'.repeat(11_000_000) })] };
    expect(refusal(validateRecordSet(huge)).problems[0]).toMatch(
      /^records\.highlights\[0\]\.note: text of 11,000,000 characters/,
    );
    const poisoned = {
      ...bad,
      highlights: [JSON.parse(`{"__proto__": {"polluted": 1}, ${JSON.stringify(highlight(1, 1)).slice(1)}`) as never],
    };
    expect(refusal(validateRecordSet(poisoned)).problems).toEqual([
      'records.highlights[0].__proto__: the key "__proto__" is not allowed in a backup',
    ]);
  });
});
