/**
 * The text a reader sees, and the way back from it to the DOM: every
 * character of the normalized text maps to the DOM position it came from.
 */
import { describe as group, expect, test } from 'vitest';
import { buildTextIndex } from './text-index';
import { DOMS, MARKUP_VARIANTS } from '../../tests/support/test-documents';

const TEXT_CASES: [name: string, html: string, text: string][] = [
  ['paragraphs read as separate words even without whitespace between them', '<p>end.</p><p>Next</p>', 'end. Next'],
  ['a line break separates words', 'one<br>two', 'one two'],
  ['inline elements join words', 'co<b>op</b><i>er</i>ation', 'cooperation'],
  [
    'list items and table cells are separate',
    '<ul><li>a</li><li>b</li></ul><table><tr><td>c</td><td>d</td></tr></table>',
    'a b c d',
  ],
  ['indentation collapses', '\n  <div>\n    <p>  lots   of\n space </p>\n  </div>\n', 'lots of space'],
  [
    'script, style, noscript, template and hidden text is not shown',
    '<p>a</p><script>x()</script><style>p{}</style><noscript>nojs</noscript><template>t</template><p hidden>h</p><p>b</p>',
    'a b',
  ],
  ['no-break spaces and soft hyphens', '<p>1\u00a0000 co\u00adop</p>', '1 000 coop'],
];

for (const [domName, make] of DOMS) {
  group(`text index on ${domName}`, () => {
    test.each(TEXT_CASES)('%s', (_, html, text) => {
      expect(buildTextIndex(make(`<!doctype html><body>${html}</body>`).body).text).toBe(text);
    });

    for (const [variant, vary] of MARKUP_VARIANTS) {
      test(`every span maps to a range with the same text and back (${variant})`, () => {
        const root = make(
          '<!doctype html><body><h1>Title</h1><p>A short <em>first</em> paragraph.</p><p>And a second one, with <a href="#">a link</a>.</p></body>',
        ).body;
        vary(root);
        const index = buildTextIndex(root);
        expect(index.text).toBe('Title A short first paragraph. And a second one, with a link.');
        for (let start = 0; start < index.text.length; start++) {
          for (let end = start + 1; end <= index.text.length; end++) {
            if (index.text[start] === ' ' || index.text[end - 1] === ' ') continue;
            const range = index.toRange(start, end);
            // Same characters, whitespace aside (a block edge is a space in the text, nothing in the DOM).
            expect(range.toString().replace(/\s+/g, '')).toBe(index.text.slice(start, end).replace(/ /g, ''));
            expect(index.offsetsOf(range)).toEqual({ start, end });
          }
        }
      });
    }

    test('a range bounded by elements, or reaching outside the root, covers the text inside', () => {
      const doc = make(
        '<!doctype html><body><p id="before">outside</p><div id="root"><p>one</p><p>two</p></div></body>',
      );
      const root = doc.getElementById('root')!;
      const index = buildTextIndex(root);
      const range = doc.createRange();
      range.setStart(doc.body, 0); // before the root
      range.setEnd(root, 1); // after the first paragraph
      expect(index.offsetsOf(range)).toEqual({ start: 0, end: 3 });
      range.setStart(root, 1);
      range.setEnd(doc.body, doc.body.childNodes.length);
      expect(index.offsetsOf(range)).toEqual({ start: 4, end: 7 });
      range.setStart(doc.getElementById('before')!.firstChild!, 0);
      range.setEnd(doc.getElementById('before')!.firstChild!, 3);
      expect(index.offsetsOf(range)).toBeNull();
    });
  });
}
