import { describe, expect, it } from 'vitest';
import type { WindowLike } from 'dompurify';
import { extractArticle } from '../extraction/extract-article';
import { parseHtml } from '../extraction/node-dom';
import { PROSE, TEST_URL, page, proseHtml } from '../../tests/support/test-pages';
import { findUnsafeMarkup } from './find-unsafe-markup';
import { sanitizeArticleElement, sanitizeArticleHtml } from './sanitize-html';

/** Known XSS and mXSS payloads, including entity- and whitespace-obfuscated URLs. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onload="alert(1)" srcset="javascript:alert(1) 1x">',
  '<svg onload=alert(1)><circle r=10></circle></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<a href="javascript:alert(1)">a</a>',
  '<a href="JaVaScRiPt:alert(1)">b</a>',
  '<a href="&#106;avascript:alert(1)">c</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">d</a>',
  '<a href="java&#x09;script:alert(1)">e</a>',
  '<a href="jav&#x0A;ascript:alert(1)">f</a>',
  '<a href=" &#14; javascript:alert(1)">g</a>',
  '<a href="vbscript:msgbox(1)">h</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">i</a>',
  '<a href="#" onclick="alert(1)">j</a>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><input type="submit" value="Go"><button formaction="javascript:alert(1)">Send</button></form>',
  '<isindex action=javascript:alert(1) type=image>',
  '<input onfocus=alert(1) autofocus><select><option>x</option></select><textarea>y</textarea>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel="stylesheet" href="https://evil.example/x.css"><style>@import "https://evil.example/y.css"; body{background:url(javascript:alert(1))}</style>',
  '<div style="background:url(javascript:alert(1))">k</div>',
  '<p style="width: expression(alert(1))">l</p>',
  '<details open ontoggle=alert(1)><summary>m</summary></details>',
  '<video poster="javascript:alert(1)"><source src="javascript:alert(1)" onerror="alert(1)"></video>',
  '<blockquote cite="javascript:alert(1)">n</blockquote>',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<template><img src=x onerror=alert(1)></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<math><mi xlink:href="javascript:alert(1)">o</mi></math>',
  '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">p</maction></math>',
  '<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=alert(1) src>">',
  '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  '<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror=alert(1)>"></style></h1>',
];

/** Problems in `html` as the reader view would parse it (empty when safe). */
function problems(html: string): string[] {
  const dom = parseHtml('<body></body>', TEST_URL);
  const found = findUnsafeMarkup(html, dom.document);
  dom.close();
  return found;
}

describe('sanitizeArticleHtml', () => {
  const dom = parseHtml('<body></body>', TEST_URL);
  const window = dom.window as unknown as WindowLike;

  /**
   * Mutation XSS hides in markup that changes when parsed again. One more
   * round may still normalise harmless structure (a heading inside a heading
   * is closed early), but it must stay safe and then stop changing.
   */
  const expectStableUnderReparse = (html: string): void => {
    const again = sanitizeArticleHtml(html, window).html;
    expect(problems(again)).toEqual([]);
    expect(sanitizeArticleHtml(again, window).html).toBe(again);
  };

  it.each(PAYLOADS)('neutralises %s', (payload) => {
    const { html } = sanitizeArticleHtml(`<p>Before</p>${payload}<p>After</p>`, window);
    expect(problems(html)).toEqual([]);
    expectStableUnderReparse(html);
  });

  it.each(PAYLOADS)('neutralises %s when sanitizing a parsed tree in place', (payload) => {
    const doc = parseHtml(`<body><div id="article"><p>Before</p>${payload}<p>After</p></div></body>`, TEST_URL);
    const { html } = sanitizeArticleElement(
      doc.document.getElementById('article')!,
      doc.window as unknown as WindowLike,
    );
    doc.close();
    expect(problems(html)).toEqual([]);
    expectStableUnderReparse(html);
  });

  it('keeps ordinary article markup, safe links and raster data images', () => {
    const png =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const input = `<h2>Keepers</h2><p>See <a href="https://example.com/a">this</a>, <a href="mailto:ed@example.com">mail</a>, <a href="#fn1">1</a>.</p><figure><img src="${png}" alt="dot"><figcaption>A dot.</figcaption></figure><pre><code class="language-js hljs">x</code></pre><math><mi>x</mi><mo>=</mo><mn>2</mn></math>`;
    const { html } = sanitizeArticleHtml(input, window);
    expect(html).toContain('<a href="https://example.com/a" rel="noopener noreferrer">this</a>');
    expect(html).toContain('<a href="mailto:ed@example.com" rel="noopener noreferrer">mail</a>');
    expect(html).toContain('<a href="#fn1">1</a>');
    expect(html).toContain(`<img src="${png}" alt="dot">`);
    expect(html).toContain('<code class="language-js">x</code>');
    expect(html).toContain('<math><mi>x</mi><mo>=</mo><mn>2</mn></math>');
  });

  it('drops the labels of removed form controls instead of leaving stray words', () => {
    const { html } = sanitizeArticleHtml(
      '<p>Text</p><button>Subscribe</button><select><option>Choose</option></select>',
      window,
    );
    expect(html).toBe('<p>Text</p>');
  });
});

describe('extraction output is sanitized', () => {
  it('keeps no payload from inside the article', () => {
    // After the prose: some payloads leave elements open that would swallow what follows.
    const article = `${proseHtml(4)}<p>${PROSE[0]}</p>${PAYLOADS.join('\n')}`;
    const dom = parseHtml(page({ article }), TEST_URL);
    const result = extractArticle(dom.document, { url: TEST_URL, window: dom.window })!;
    dom.close();
    expect(result).not.toBeNull();
    expect(problems(result.html)).toEqual([]);
  });
});
