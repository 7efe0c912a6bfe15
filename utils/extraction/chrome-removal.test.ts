import { describe, expect, it } from 'vitest';
import { isDateline } from './chrome-removal';
import { PROSE, extract, page, proseHtml } from '../../tests/support/test-pages';

/** Extracted text of an article made of PROSE with `before`, `middle` and `after` markup around it. */
function textWith({
  before = '',
  middle = '',
  after = '',
  head = '',
}: {
  before?: string;
  middle?: string;
  after?: string;
  head?: string;
}): string {
  const article = `${before}<p>${PROSE[0]}</p><p>${PROSE[1]}</p>${middle}<p>${PROSE[2]}</p><p>${PROSE[3]}</p>${after}`;
  return extract(page({ article, head }))!.text;
}

describe('chrome removal', () => {
  it('removes share bars and newsletter boxes found by class', () => {
    const text = textWith({
      before: '<div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>',
      middle:
        '<aside class="newsletter-signup"><h3>Get our weekly letter</h3><p>Stories from the coast, every Sunday.</p><button>Sign up</button></aside>',
    });
    expect(text).not.toMatch(/Facebook|Twitter|weekly letter|every Sunday|Sign up/);
    for (const p of PROSE) expect(text).toContain(p);
  });

  it('removes a newsletter pitch and ad labels written as plain paragraphs', () => {
    const text = textWith({
      middle:
        '<p>Advertisement</p><p>Sign up for our newsletter to get the best of Coastal Notes delivered to your inbox.</p>',
    });
    expect(text).not.toMatch(/Advertisement|newsletter/);
  });

  it('keeps prose that merely mentions signing up or subscriptions', () => {
    const sentence =
      "If you just want to visit, you can sign up for a guided walk; a yearly subscription to the keepers' society costs less than a ferry ticket.";
    expect(textWith({ middle: `<p>${sentence}</p>` })).toContain(sentence);
  });

  it('removes a "Related" heading with its list of links, and inline related links', () => {
    const text = textWith({
      middle:
        '<p><strong>Related:</strong> <a href="/blog/fog-horns.html">Why fog horns went quiet</a></p><p><a href="/blog/ferries.html">THE LAST FERRY TO THE ISLAND LEAVES AT NOON</a></p>',
      after:
        '<h3>More from Coastal Notes</h3><ul><li><a href="/a">The harbour master’s diary</a></li><li><a href="/b">Ten tides that changed the town</a></li></ul>',
    });
    expect(text).not.toMatch(/fog horns|LAST FERRY|harbour master|Ten tides|More from/);
  });

  it('removes the byline and dateline the reader shows in its header', () => {
    const text = textWith({ before: '<p class="meta">By Ann Keeper | Updated 10:41 AM EST, Nov. 19, 2019</p>' });
    expect(text).not.toContain('Ann Keeper');
    expect(text.startsWith(PROSE[0]!)).toBe(true);
  });

  it('removes credit, copyright and taxonomy lines (links into the site) at the end', () => {
    const text = textWith({
      after:
        '<p>(Reporting by Ann Keeper; Editing by John Tide)</p><p>Filed under: <a href="/tag/lighthouses">Lighthouses</a>, <a href="/tag/keepers-history">Keepers history</a></p><p>© 2024 Coastal Notes. All rights reserved.</p>',
    });
    expect(text).not.toMatch(/Reporting by|Filed under|All rights reserved/);
    expect(text.endsWith(PROSE[3]!)).toBe(true);
  });

  it('keeps a closing list of references to other sites', () => {
    const references =
      '<h3>Sources</h3><ul><li><a href="https://archive.example.org/keepers">https://archive.example.org/keepers</a></li><li><a href="https://records.example.net/1987">https://records.example.net/1987</a></li></ul>';
    expect(textWith({ after: references })).toContain('https://records.example.net/1987');
  });

  it('keeps data tables whole, even cells that look like labels', () => {
    const table =
      '<table><tr><th>Year</th><th>Comment</th></tr><tr><td>1987</td><td>Automated</td></tr><tr><td>2019</td><td>0</td></tr></table>';
    const text = textWith({ after: table });
    expect(text).toContain('Year\tComment');
    expect(text).toContain('2019\t0');
  });
});

describe('isDateline', () => {
  it.each([
    ['By Ann Keeper | Updated 10:41 AM EST, Nov. 19, 2019', 'Ann Keeper', true],
    ['Published 1 day ago', null, true],
    ['November 19, 2019', null, true],
    ['By Ann Keeper and John Tide', null, true],
    ['The keepers met on November 19, 2019 at the harbour.', null, false],
    ['Updated rules for visitors take effect in May', null, false],
  ])('%s → %s', (text, byline, expected) => {
    expect(isDateline(text, byline)).toBe(expected);
  });
});
