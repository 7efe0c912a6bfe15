import { describe, expect, it } from 'vitest';
import { PROSE, extract, proseHtml } from '../../tests/support/test-pages';

const shell = (
  body: string,
): string => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Keepers | Coastal Notes</title></head>
<body><header><a href="/">Home</a> <a href="/about">About</a></header>${body}
<footer><p>Coastal Notes is an independent magazine. <a href="/privacy">Privacy</a></p></footer></body></html>`;

describe('articles shipped in <noscript>', () => {
  it('finds a post that the page writes only inside <noscript> for a script to copy', () => {
    const article = extract(
      shell(
        `<main><div class="post"><h1>Keepers</h1><div class="post-content"><noscript>${proseHtml()}</noscript></div></div></main>`,
      ),
    );
    expect(article).not.toBeNull();
    for (const p of PROSE) expect(article!.text).toContain(p);
  });

  it('keeps one copy when the page shows the same text outside <noscript>', () => {
    const article = extract(
      shell(`<main><article><h1>Keepers</h1>${proseHtml()}<noscript>${proseHtml(2)}</noscript></article></main>`),
    )!;
    expect(article.text.split(PROSE[0]!).length - 1).toBe(1);
  });

  it('leaves a "please enable JavaScript" notice out', () => {
    const article = extract(
      shell(
        `<main><article><h1>Keepers</h1>${proseHtml()}<noscript><p>Please enable JavaScript.</p></noscript></article></main>`,
      ),
    )!;
    expect(article.text).not.toContain('JavaScript');
  });

  it('leaves a consent notice in <noscript> out when the page shows its article', () => {
    const notice =
      '<noscript><div><h5>Welcome</h5><p>The publisher would like to process and share personal data about your use of this site with third parties, for advertising and analytics, as described in the policy.</p><p>Data you provide is stored and processed in another country, pursuant to the laws of that country, which may differ from the laws of yours.</p></div></noscript>';
    const article = extract(shell(`${notice}<main><article><h1>Keepers</h1>${proseHtml()}</article></main>`))!;
    expect(article.text).toContain(PROSE[3]);
    expect(article.text).not.toContain('personal data');
  });
});
