import { gzipSync } from 'node:zlib';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { decodeHtml, decodeHtmlFile } from './decode-html';
import { parseHtml } from './node-dom';

/** An HTML page as bytes: ASCII markup around `body`, which is given as raw bytes in the page's encoding. */
function pageBytes(head: string, body: number[]): Uint8Array {
  const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
  return Uint8Array.from([
    ...ascii(`<!doctype html><html><head>${head}<title>t</title></head><body><p>`),
    ...body,
    ...ascii('</p></body></html>'),
  ]);
}
const paragraph = (bytes: Uint8Array): string =>
  parseHtml(decodeHtml(bytes).html, 'https://example.com/').document.querySelector('p')!.textContent!;

// "café – “quoted”" in windows-1252: é = E9, en dash = 96, curly quotes = 93/94.
const WINDOWS_1252 = [0x63, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x93, 0x71, 0x75, 0x6f, 0x74, 0x65, 0x64, 0x94];
// "日本語" in Shift_JIS and in EUC-JP, "Привет" in KOI8-R.
const SHIFT_JIS = [0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea];
const EUC_JP = [0xc6, 0xfc, 0xcb, 0xdc, 0xb8, 0xec];
const KOI8_R = [0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4];
const utf8 = (s: string): number[] => [...new TextEncoder().encode(s)];

describe('decodeHtml', () => {
  it.each([
    ['<meta charset="shift_jis">', SHIFT_JIS, '日本語', 'shift_jis'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">', EUC_JP, '日本語', 'euc-jp'],
    ['<meta charset="koi8-r">', KOI8_R, 'Привет', 'koi8-r'],
    ['<meta charset="iso-8859-1">', WINDOWS_1252, 'café – “quoted”', 'windows-1252'],
  ])('reads the encoding a page declares: %s', (head, body, text, encoding) => {
    const bytes = pageBytes(head, body);
    expect(decodeHtml(bytes)).toMatchObject({ encoding, source: 'declared' });
    expect(paragraph(bytes)).toBe(text);
  });

  it('decodes exactly as jsdom does when given the bytes of a labelled page', () => {
    const bytes = pageBytes('<meta charset="shift_jis">', SHIFT_JIS);
    const jsdom = new JSDOM(bytes).window.document.querySelector('p')!.textContent;
    expect(paragraph(bytes)).toBe(jsdom);
  });

  it('follows a UTF-8 byte order mark over a contradicting <meta>', () => {
    const bytes = Uint8Array.from([
      0xef,
      0xbb,
      0xbf,
      ...pageBytes('<meta charset="windows-1252">', utf8('naïve Привет')),
    ]);
    expect(decodeHtml(bytes).encoding).toBe('utf-8');
    expect(decodeHtml(bytes).html.startsWith('<!doctype')).toBe(true);
    expect(paragraph(bytes)).toBe('naïve Привет');
  });

  it('reads an unlabelled page of well-formed UTF-8 as UTF-8, as browsers detect it', () => {
    const bytes = pageBytes('', utf8('Grüße, 日本語'));
    expect(decodeHtml(bytes)).toMatchObject({ encoding: 'utf-8', source: 'utf-8 bytes' });
    expect(paragraph(bytes)).toBe('Grüße, 日本語');
  });

  it('falls back to windows-1252 for an unlabelled page that is not UTF-8', () => {
    const bytes = pageBytes('', WINDOWS_1252);
    expect(decodeHtml(bytes)).toMatchObject({ encoding: 'windows-1252', source: 'default' });
    expect(paragraph(bytes)).toBe('café – “quoted”');
  });

  it('gunzips .html.gz data first', () => {
    const bytes = pageBytes('<meta charset="koi8-r">', KOI8_R);
    expect(decodeHtmlFile(gzipSync(bytes)).html).toBe(decodeHtml(bytes).html);
  });
});
