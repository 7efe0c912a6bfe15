import { describe, expect, it } from 'vitest';
import { blockText } from './block-text';
import { parseHtml } from './node-dom';

function text(html: string): string {
  const dom = parseHtml(`<body>${html}</body>`, 'https://example.com/');
  const result = blockText(dom.document.body);
  dom.close();
  return result;
}

describe('blockText', () => {
  it('separates paragraphs and headings with a blank line, not gluing words', () => {
    expect(text('<h2>Storms</h2><p>The first\n   storm.</p><p>The second.</p>')).toBe(
      'Storms\n\nThe first storm.\n\nThe second.',
    );
  });

  it('puts list items and <br> lines on their own lines', () => {
    expect(text('<ul><li>Oil</li><li>Wicks</li></ul><p>Line one<br>line two</p>')).toBe(
      'Oil\nWicks\n\nLine one\nline two',
    );
  });

  it('keeps whitespace inside <pre>', () => {
    expect(text('<p>Code:</p><pre><code>if (x) {\n    wind();\n\n\n}</code></pre>')).toBe(
      'Code:\n\nif (x) {\n    wind();\n\n\n}',
    );
  });

  it('separates table cells with tabs and rows with newlines', () => {
    expect(text('<table><tr><th>Year</th><th>Event</th></tr><tr><td>1987</td><td>Automated</td></tr></table>')).toBe(
      'Year\tEvent\n1987\tAutomated',
    );
  });

  it('keeps inline elements inline', () => {
    expect(text('<p>The <em>great</em> lens<sup>1</sup> <a href="#">turned</a>.</p>')).toBe('The great lens1 turned.');
  });

  it('reads ruby text as its base, without the reading above it', () => {
    expect(text('<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>ども</p>')).toBe('子ども');
  });
});
