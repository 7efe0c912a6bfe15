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
    expect(
      csv.startsWith(
        '\uFEFFquote,note,colour,tags,title,author,url,created,article_tags,status,favourite,progress,saved,reading_time\r\n',
      ),
    ).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.length)).toEqual([14, 14, 14, 14]);
    expect(rows[1]).toEqual([
      'one',
      '',
      'yellow',
      'a b, c',
      'First',
      '',
      'https://example.com/first',
      '2024-03-22T09:16:00.000Z',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    expect(rows[3]![1]).toBe('multi\nline, "quoted"');
  });

  it('ends each row with its article’s reading list; a listed article without highlights has a row of its own', () => {
    const listedAt = Date.UTC(2024, 2, 20, 8);
    const reading = {
      readingStatus: 'reading',
      favourite: true,
      progress: 0.456,
      listedAt,
      readingMinutes: 9,
    } as const;
    const data = exportData([
      exportArticle({ title: 'Highlighted', articleTags: ['longform', 'to read'], ...reading }, [
        highlight({ quote: 'one' }),
      ]),
      exportArticle({ title: 'Only saved', readingStatus: 'unread', listedAt }, []),
      exportArticle({ title: 'Not listed', articleTags: ['kept'] }, []),
    ]);
    const rows = parseCsv(highlightsCsv(data).slice(1));
    expect(rows.map((r) => [r[0], r[4], ...r.slice(8)])).toEqual([
      ['quote', 'title', 'article_tags', 'status', 'favourite', 'progress', 'saved', 'reading_time'],
      ['one', 'Highlighted', 'longform, to read', 'reading', 'true', '0.46', '2024-03-20T08:00:00.000Z', '9'],
      ['', 'Only saved', '', 'unread', 'false', '0', '2024-03-20T08:00:00.000Z', ''],
    ]);
  });

  it('writes only the header when there is nothing to export', () => {
    expect(highlightsCsv(exportData([]))).toBe(
      '\uFEFFquote,note,colour,tags,title,author,url,created,article_tags,status,favourite,progress,saved,reading_time\r\n',
    );
  });
});
