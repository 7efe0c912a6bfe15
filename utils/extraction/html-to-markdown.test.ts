import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from './html-to-markdown';
import { parseHtml } from './node-dom';

function md(html: string): string {
  const dom = parseHtml(`<body>${html}</body>`, 'https://example.com/');
  const result = htmlToMarkdown(dom.document.body);
  dom.close();
  return result;
}

describe('htmlToMarkdown', () => {
  it('converts headings, paragraphs, emphasis and links', () => {
    expect(
      md('<h2>Storms</h2><p>The <strong>great</strong> <em>lens</em> <a href="https://example.com/l">turned</a>.</p>'),
    ).toBe('## Storms\n\nThe **great** _lens_ [turned](https://example.com/l).\n');
  });

  it('fences code with its language and keeps whitespace', () => {
    expect(md('<pre><code class="language-js">if (x) {\n  wind();\n}</code></pre>')).toBe(
      '```js\nif (x) {\n  wind();\n}\n```\n',
    );
  });

  it('writes nested lists, quotes and figures', () => {
    const out = md(
      '<ul><li>Oil<ul><li>Whale</li></ul></li><li>Wicks</li></ul><blockquote><p>Keep the light.</p></blockquote><figure><img src="https://e.com/l.jpg" alt="Lens"><figcaption>The lens.</figcaption></figure>',
    );
    expect(out).toBe('- Oil\n  - Whale\n- Wicks\n\n> Keep the light.\n\n![Lens](https://e.com/l.jpg)\n\n_The lens._\n');
  });

  it('escapes text that Markdown would read as syntax', () => {
    expect(md('<p>Use *stars* and [brackets]</p>')).toBe('Use \\*stars\\* and \\[brackets\\]\n');
  });

  it('writes simple tables', () => {
    expect(md('<table><tr><th>Year</th><th>Event</th></tr><tr><td>1987</td><td>Automated</td></tr></table>')).toBe(
      '| Year | Event |\n| --- | --- |\n| 1987 | Automated |\n',
    );
  });
});
