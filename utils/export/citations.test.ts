import { describe, expect, it } from 'vitest';
import { bibtex, bibtexName, escapeLatex } from './bibtex';
import { citations } from './citation-metadata';
import { cslItems, cslJson } from './csl-json';
import { ris, risDate } from './ris';
import { exportArticle, exportData, highlight } from '../../tests/support/test-export-data';

describe('citation keys', () => {
  it('are family name, year and first significant title word, unique within the export', () => {
    const data = exportData([
      exportArticle({ title: 'KubeCon Day One', author: 'Steve Wade', published: '2024-03-20' }),
      exportArticle({ title: 'KubeCon Day Two', author: 'Steve Wade', published: '2024-03-21' }),
      exportArticle({ title: 'KubeCon Day Three', author: 'Steve Wade', published: '2024-03-22T10:00:00Z' }),
      exportArticle({ title: 'The Über Guide', author: 'José Müller-Lüdenscheidt', published: '2019' }),
      exportArticle({ title: 'No author, no date', author: null, site: 'Ars Technica', published: null }),
      exportArticle({
        title: '日本語のタイトル',
        author: '王小明',
        site: null,
        published: '2020-01',
        url: 'https://blog.example.jp/post',
      }),
    ]);
    expect(citations(data).map((c) => c.key)).toEqual([
      'wade2024kubecon',
      'wade2024kubecona',
      'wade2024kubeconb',
      'mullerludenscheidt2019uber',
      'arstechnicano',
      'example2020',
    ]);
  });
});

describe('bibtex', () => {
  it('escapes LaTeX special characters and keeps braces balanced', () => {
    expect(escapeLatex('50% of R&D_costs: $5 #1 ^ ~ {x} \\ done\nnext')).toBe(
      '50\\% of R\\&D\\_costs: \\$5 \\#1 \\textasciicircum{} \\textasciitilde{} \\{x\\} \\textbackslash{} done next',
    );
  });

  it('writes names as "von Last, Jr, First", and organisations in braces', () => {
    expect(bibtexName({ family: 'Beethoven', given: 'Ludwig', particle: 'van' })).toBe('van Beethoven, Ludwig');
    expect(bibtexName({ family: 'King', given: 'Martin Luther', suffix: 'Jr.' })).toBe('King, Jr., Martin Luther');
    expect(bibtexName({ literal: 'AT&T Labs' })).toBe('{AT\\&T Labs}');
  });

  it('writes an entry without author or date, and several authors joined by "and"', () => {
    const data = exportData([
      exportArticle({
        title: 'R&D: 100% {braces}',
        author: null,
        site: null,
        published: null,
        url: 'https://e.x/a{b}',
      }),
      exportArticle({ title: 'Two', author: 'Jane Doe and Medium Staff' }),
    ]);
    expect(bibtex(data)).toBe(
      [
        '@online{er,',
        '  title = {{R\\&D: 100\\% \\{braces\\}}},',
        '  url = {https://e.x/a%7Bb%7D},',
        '  urldate = {2024-05-01},',
        '}',
        '',
        '@online{doe2024two,',
        '  author = {Doe, Jane and {Medium Staff}},',
        '  title = {{Two}},',
        '  organization = {Example},',
        '  date = {2024-03-21},',
        '  url = {https://example.com/two},',
        '  urldate = {2024-05-01},',
        '}',
        '',
      ].join('\n'),
    );
  });
});

describe('ris', () => {
  it('writes partial dates with empty parts, one value a line, CRLF', () => {
    expect(risDate({ year: 2024, month: 3, day: 21 })).toBe('2024/03/21/');
    expect(risDate({ year: 2024, month: 3 })).toBe('2024/03//');
    expect(risDate({ year: 2024 })).toBe('2024///');
    const text = ris(
      exportData([
        exportArticle({ title: 'Line\nbreak', author: 'The Guardian Staff', published: '2024-03', lang: null }, [
          highlight({ tags: ['x'] }),
        ]),
        exportArticle({ title: 'No date', author: null, site: null, published: null, lang: null }),
      ]),
    );
    expect(text).toBe(
      [
        'TY  - ELEC',
        'AU  - The Guardian Staff',
        'TI  - Line break',
        'T2  - Example',
        'PY  - 2024',
        'DA  - 2024/03//',
        'UR  - https://example.com/line-break',
        'Y2  - 2024/05/01/',
        'KW  - x',
        'ER  - ',
        '',
        'TY  - ELEC',
        'TI  - No date',
        'UR  - https://example.com/no-date',
        'Y2  - 2024/05/01/',
        'ER  - ',
        '',
      ].join('\r\n'),
    );
  });
});

describe('csl-json', () => {
  it('types blog platforms as post-weblog and other pages as webpage; names in parts or literal', () => {
    const items = cslItems(
      exportData([
        exportArticle({ title: 'A', url: 'https://someone.substack.com/p/a', author: 'Ludwig van Beethoven' }),
        exportArticle({
          title: 'B',
          url: 'https://www.theguardian.com/b',
          author: 'Guardian Staff',
          site: 'The Guardian',
          published: '2024',
        }),
        exportArticle({ title: 'C', author: null, site: null, published: null, lang: null }),
      ]),
    );
    expect(items[0]).toMatchObject({
      type: 'post-weblog',
      author: [{ family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' }],
    });
    expect(items[1]).toMatchObject({
      type: 'webpage',
      author: [{ literal: 'Guardian Staff' }],
      'container-title': 'The Guardian',
      issued: { 'date-parts': [[2024]] },
    });
    expect(items[2]).toEqual({
      id: 'examplec',
      type: 'webpage',
      title: 'C',
      accessed: { 'date-parts': [[2024, 5, 1]] },
      URL: 'https://example.com/c',
    });
  });

  it('is valid JSON whatever the strings hold', () => {
    const tricky = '[\n  1,\n  2\n] "quotes" \\ 😀';
    const text = cslJson(exportData([exportArticle({ title: tricky })]));
    expect(JSON.parse(text)[0].title).toBe(tricky);
  });
});
