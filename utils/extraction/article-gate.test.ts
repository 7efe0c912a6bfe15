import { describe, expect, it } from 'vitest';
import { extract, page } from '../../tests/support/test-pages';

/** One paragraph of 464 characters: a short post, the whole of it. */
const SHORT_POST =
  'We moved the weekly swim to the north beach this summer. The water there is calmer in the morning, the car park is free before nine a.m. and the lifeguards start their shift at half past eight, so please arrive early and bring a flask if you want to stay for a chat afterwards. Children are welcome with an adult. If the red flag is up we will meet at the café instead and decide together whether to wait or to walk the cliff path. See you all on Saturday morning!';

/** A page whose body is `body`, with the usual site header and footer. */
const bare = (body: string, title = 'Results'): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>
  <header><a href="/">Home</a> <a href="/about">About</a></header>${body}<footer><a href="/privacy">Privacy</a></footer></body></html>`;

describe('article gate', () => {
  it('accepts a short real post of one paragraph', () => {
    expect(SHORT_POST.length).toBe(464);
    const article = extract(page({ article: `<p>${SHORT_POST}</p>`, title: 'Swimming moves north' }));
    expect(article?.text).toBe(SHORT_POST);
  });

  it('refuses search results: many headline links, each with a line of snippet', () => {
    const results = Array.from(
      { length: 10 },
      (_, i) =>
        `<li><h3><a href="/result/${i}">Lighthouse keepers of the northern cape, part ${i}</a></h3><p>…keepers who worked there still meet every summer…</p></li>`,
    ).join('');
    expect(extract(bare(`<main><h1>Search: keepers</h1><ol class="results">${results}</ol></main>`))).toBeNull();
  });

  it('refuses a link hub: a page that is a list of links', () => {
    const links = Array.from(
      { length: 30 },
      (_, i) => `<li><a href="/topic/${i}">Topic number ${i} in the archive</a></li>`,
    ).join('');
    expect(extract(bare(`<main><h1>Archive</h1><ul>${links}</ul></main>`, 'Archive'))).toBeNull();
  });

  it('refuses an app shell: no paragraph of prose', () => {
    const shell =
      '<div id="root"><div class="spinner">Loading…</div></div><noscript>You need to enable JavaScript to run this app.</noscript>';
    expect(extract(bare(shell, 'App'))).toBeNull();
  });

  it('refuses a grid of short labels, however many', () => {
    const tiles = Array.from(
      { length: 40 },
      (_, i) => `<div class="tile"><img src="/p/${i}.jpg" alt=""><span>Photo ${i} · 2 days ago</span></div>`,
    ).join('');
    expect(extract(bare(`<main>${tiles}</main>`, 'Gallery'))).toBeNull();
  });
});
