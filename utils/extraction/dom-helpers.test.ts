import { describe, expect, it } from 'vitest';
import { byTag, collapsedLength, linkDensity, normalizedLength, normalizedText } from './dom-helpers';
import { parseHtml } from './node-dom';
import { TEST_URL } from '../../tests/support/test-pages';

const body = (html: string): HTMLElement => parseHtml(`<body>${html}</body>`, TEST_URL).document.body;

describe('normalizedLength', () => {
  // Whitespace at the ends, runs inside, no-break and ideographic spaces, all-space, CJK and emoji.
  const cases = [
    '',
    ' ',
    ' \n\t ',
    'word',
    '  two  words  ',
    '\u00a0lead and trail\u3000',
    'a\u2003\u2009b',
    '灯台守の 仕事',
    ' 😀 emoji ',
    '\ufeffbom',
  ];
  it.each(cases)('is the length of the normalized text of %j', (text) => {
    const p = body(`<p>${text}</p><p><b> ${text} </b>${text}</p>`);
    for (const el of byTag(p, 'p')) expect(normalizedLength(el)).toBe(normalizedText(el).length);
  });

  it('counts collapsed whitespace as the text shows it', () => {
    expect(collapsedLength('a  \n b')).toBe(3);
    expect(normalizedLength(body('<p>  a  \n b  </p>'))).toBe(3);
  });
});

describe('byTag', () => {
  it('lists every element with the tag in document order, however many', () => {
    const root = body(Array.from({ length: 300 }, (_, i) => `<p><a id="item" href="/${i}">${i}</a></p>`).join(''));
    const links = byTag(root, 'a');
    expect(links).toHaveLength(300);
    expect(links.map((a) => a.textContent)).toEqual(Array.from({ length: 300 }, (_, i) => String(i)));
  });
});

describe('linkDensity', () => {
  it('is the share of the text inside links', () => {
    const p = byTag(body('<p>Read <a href="/a">this one</a> and <a href="/b">that</a> too</p>'), 'p')[0]!;
    expect(linkDensity(p)).toBeCloseTo(('this one'.length + 'that'.length) / normalizedText(p).length);
  });
});
