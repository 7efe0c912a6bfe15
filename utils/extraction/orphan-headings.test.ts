import { describe, expect, it } from 'vitest';
import { PROSE, extract, page } from '../../tests/support/test-pages';
import { parseHtml } from './node-dom';
import { removeOrphanHeadings } from './orphan-headings';

function cleaned(html: string): string {
  const dom = parseHtml(`<body><div id="a">${html}</div></body>`, 'https://example.com/');
  const root = dom.document.getElementById('a')!;
  removeOrphanHeadings(root);
  const out = root.innerHTML;
  dom.close();
  return out;
}

describe('orphan headings', () => {
  it('drops the heading of a teaser box the clean-up removed, in the middle of the article', () => {
    // The cards go (links to other pages of the site); their heading stayed, over the next section.
    const card = (n: number) =>
      `<div class="card"><a href="/blog/2023/story-${n}.html">Another story number ${n}</a></div>`;
    const article = `<p>${PROSE[0]}</p><p>${PROSE[1]}</p><h2>Mehr zu Leuchttürmen</h2><div>${card(1)}${card(2)}${card(3)}</div><h2>Die Automatisierung</h2><p>${PROSE[2]}</p><p>${PROSE[3]}</p>`;
    const text = extract(page({ article }))!.text;
    expect(text).not.toContain('Another story');
    expect(text).not.toContain('Mehr zu Leuchttürmen');
    expect(text).toContain('Die Automatisierung');
    expect(text).toContain(PROSE[3]);
  });

  it('drops a heading followed directly by one of the same rank, keeps sections and subsections', () => {
    expect(cleaned('<h2>Zum Weiterlesen</h2><h2>Fazit</h2><p>Text.</p>')).toBe('<h2>Fazit</h2><p>Text.</p>');
    expect(cleaned('<h2>Teil 1</h2><h3>Anfang</h3><p>Text.</p>')).toBe('<h2>Teil 1</h2><h3>Anfang</h3><p>Text.</p>');
    expect(cleaned('<h2>Karte</h2><figure><img src="/k.png"></figure><h2>Mehr</h2><p>x</p>')).toContain('Karte');
  });

  it('keeps a last heading that is a statement, not the title of a box', () => {
    // A timeline whose entries are headings: the last one is text, with nothing under it.
    const entry = 'Der Reporter legt ein falsches Profil an. Es stützt seine Version.';
    const article = `<p>${PROSE[0]}</p><p>${PROSE[1]}</p><p>${PROSE[2]}</p><h4>${entry}</h4>`;
    expect(extract(page({ article }))!.text).toContain(entry);
  });
});
