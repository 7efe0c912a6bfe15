import { describe, expect, it } from 'vitest';
import { csvCell, highlightsCsv } from './highlights-csv';
import { exportArticle, exportData, highlight } from '../../tests/support/test-export-data';

/** A small RFC 4180 reader, to check that what we write reads back cell for cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  if (cell !== '' || row.length > 0) throw new Error('last record not ended with CRLF');
  return rows;
}

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['cr\rlf', '"cr\rlf"'],
    ['=HYPERLINK("http://evil","click")', '"\'=HYPERLINK(""http://evil"",""click"")"'],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', '"\'\r=1"'],
    ['a=1', 'a=1'],
    ['', ''],
    ['שלום, עולם', '"שלום, עולם"'],
    ['🙌', '🙌'],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('highlightsCsv', () => {
  it('writes a BOM, a header and one CRLF-ended row per highlight, in article and page order', () => {
    const data = exportData([
      exportArticle({ title: 'First', author: null }, [
        highlight({ quote: 'one', tags: ['a b', 'c'] }),
        highlight({ quote: 'two' }),
      ]),
      exportArticle({ title: 'Second' }, [highlight({ quote: 'three', note: 'multi\nline, "quoted"' })]),
      exportArticle({ title: 'Nothing highlighted' }, []),
    ]);
    const csv = highlightsCsv(data);
    expect(csv.startsWith('\uFEFFquote,note,colour,tags,title,author,url,created\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.length)).toEqual([8, 8, 8, 8]);
    expect(rows[1]).toEqual([
      'one',
      '',
      'yellow',
      'a b, c',
      'First',
      '',
      'https://example.com/first',
      '2024-03-22T09:16:00.000Z',
    ]);
    expect(rows[3]![1]).toBe('multi\nline, "quoted"');
  });

  it('writes only the header when there is nothing to export', () => {
    expect(highlightsCsv(exportData([]))).toBe('\uFEFFquote,note,colour,tags,title,author,url,created\r\n');
  });
});
