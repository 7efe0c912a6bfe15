import { describe, expect, it } from 'vitest';
import { byTag } from './dom-helpers';
import { readMetaTags } from './meta-tags';
import { parseHtml } from './node-dom';
import { type IndexedName, readPageLayout, withPageLayout } from './page-layout';
import { findPublishedDate } from './published-date';
import { PROSE, TEST_URL } from '../../tests/support/test-pages';

const PAGE = `<!doctype html><html><head>
  <meta property="og:title" content="Keepers"><script type="application/ld+json">{"@type":"Article"}</script>
  <title>Keepers</title></head><body>
  <header><h1>Site</h1><meta itemprop="name" content="in the body"></header>
  <article><h1>Keepers of the light</h1><time datetime="2024-03-01">1 March</time>
    <p>${PROSE[0]}</p><p>${PROSE[1]}</p><script>void 0</script>
    <svg><script>void 0</script></svg></article>
  <aside><article><time datetime="2023-01-01">related</time></article></aside>
  <time datetime="2022-05-05">footer</time></body></html>`;

describe('readPageLayout', () => {
  it.each<IndexedName>(['meta', 'script', 'h1', 'article', 'time'])(
    'lists the page’s <%s> elements as getElementsByTagName does, head and body',
    (name) => {
      const { document } = parseHtml(PAGE, TEST_URL);
      expect(readPageLayout(document).byName(name)).toEqual(byTag(document, name));
    },
  );

  it('finds where the body starts', () => {
    const { document } = parseHtml(PAGE, TEST_URL);
    expect(readPageLayout(document).bodyStart?.textContent).toBe(PROSE[0]);
  });
});

describe('withPageLayout', () => {
  it('gives readers of the same page the one layout, and walks again outside', () => {
    const { document } = parseHtml(PAGE, TEST_URL);
    const inside = withPageLayout(document, (layout) => [layout, readPageLayout(document)]);
    expect(inside[1]).toBe(inside[0]);
    expect(readPageLayout(document)).not.toBe(inside[0]);
  });

  it('does not hand one page’s layout to another page', () => {
    const a = parseHtml(PAGE, TEST_URL).document;
    const b = parseHtml(PAGE, TEST_URL).document;
    withPageLayout(a, (layout) => expect(readPageLayout(b)).not.toBe(layout));
  });
});

describe('findPublishedDate with listed elements', () => {
  it('takes the first article’s time, as without the list', () => {
    const { document } = parseHtml(PAGE, TEST_URL);
    const meta = readMetaTags(document);
    const layout = readPageLayout(document);
    expect(findPublishedDate(document, null, meta, layout)).toBe('2024-03-01');
    expect(findPublishedDate(document, null, meta)).toBe('2024-03-01');
  });

  it('takes the page’s first time when there is no article', () => {
    const { document } = parseHtml(PAGE.replace(/<\/?article>/g, ''), TEST_URL);
    const meta = readMetaTags(document);
    expect(findPublishedDate(document, null, meta, readPageLayout(document))).toBe(
      findPublishedDate(document, null, meta),
    );
  });
});
