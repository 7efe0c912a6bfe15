import { describe, expect, it } from 'vitest';
import { PROSE, extract, fragment, page, proseHtml } from '../../tests/support/test-pages';

const CODE = 'function rotate(lens) {\n  if (!lens.wound) {\n    lens.wind();\n  }\n\n\treturn lens.angle + 7.5;\n}';

function extractCode(markup: string): { html: string; text: string; doc: DocumentFragment } {
  const article = extract(page({ article: `${proseHtml(2)}${markup}<p>${PROSE[2]}</p><p>${PROSE[3]}</p>` }))!;
  return { html: article.html, text: article.text, doc: fragment(article.html) };
}

describe('code blocks', () => {
  it('keeps whitespace and the language of a Prism block', () => {
    const { doc, text } = extractCode(`<pre class="language-js"><code class="language-js">${CODE}</code></pre>`);
    const code = doc.querySelector('pre > code')!;
    expect(code.textContent).toBe(CODE);
    expect(code.getAttribute('class')).toBe('language-js');
    expect(text).toContain(CODE);
  });

  it('names the language from a wrapper (GitHub, Rouge) and drops token classes', () => {
    const { doc } = extractCode(
      `<div class="highlight highlight-source-python"><pre><span class="k">def</span> <span class="nf">wind</span>():\n    <span class="k">pass</span></pre></div>`,
    );
    const pre = doc.querySelector('pre')!;
    expect(pre.getAttribute('class')).toBe('language-python');
    expect(pre.textContent).toBe('def wind():\n    pass');
    expect(pre.querySelector('[class]')).toBeNull();
  });

  it('turns <br> line breaks inside code into newlines', () => {
    const { doc } = extractCode('<pre><code>first line<br>second line<br><br>after a blank line</code></pre>');
    expect(doc.querySelector('pre')!.textContent).toBe('first line\nsecond line\n\nafter a blank line');
    expect(doc.querySelector('pre p')).toBeNull();
  });

  it('drops line-number gutters', () => {
    const { doc } = extractCode(
      `<table class="highlighttable"><tr><td class="linenos"><pre>1\n2\n3</pre></td><td class="code"><pre class="brush: ruby">puts 1\nputs 2\nputs 3</pre></td></tr></table>`,
    );
    const pres = [...doc.querySelectorAll('pre')];
    expect(pres.map((p) => p.textContent)).toEqual(['puts 1\nputs 2\nputs 3']);
    expect(pres[0]!.getAttribute('class')).toBe('language-ruby');
  });
});
