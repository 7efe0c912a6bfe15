import { describe, expect, it } from 'vitest';
import {
  articleMarkdown,
  checkMarkdownTemplate,
  copyArticleMarkdown,
  copyHighlightMarkdown,
  markdownFiles,
  withoutFrontmatter,
} from './markdown-export';
import { TemplateError } from './markdown-template';
import { exportArticle, exportData, highlight } from '../../tests/support/test-export-data';

// js-yaml comes with the toolchain (wxt → eslint); when present, frontmatter is read back by it.
const jsYaml = (await import(/* @vite-ignore */ 'js-yaml' as string).catch(() => null)) as {
  load: (t: string) => unknown;
} | null;

function frontmatter(markdown: string): string {
  return /^---\n([\s\S]*?)\n---\n/.exec(markdown)![1]!;
}

describe('articleMarkdown (default template)', () => {
  it('writes frontmatter YAML reads back exactly, whatever the title and byline hold', () => {
    const titles = [
      'Plain',
      'Colon: here',
      '"Quoted"',
      '- dash',
      '#hash',
      'yes',
      '2024-01-01',
      'multi\nline',
      "it's",
      '[brackets]',
      'שלום: עולם',
    ];
    for (const title of titles) {
      const md = articleMarkdown(
        exportArticle({ title, author: `@${title}`, site: `${title}: site` }, [highlight({ tags: ['a b'] })]),
      );
      if (jsYaml) {
        expect(jsYaml.load(frontmatter(md))).toMatchObject({
          title,
          author: `@${title}`,
          site: `${title}: site`,
          tags: ['a-b'],
        });
      }
      expect(frontmatter(md).split('\n')[0]).toMatch(/^title: /);
    }
  });

  it('leaves out what is unknown: no author, site, published date or note', () => {
    const md = articleMarkdown(
      exportArticle({ title: 'Bare', author: null, site: null, published: null }, [highlight({ quote: 'q' })]),
    );
    expect(md).toBe(
      [
        '---',
        'title: Bare',
        'url: https://example.com/bare',
        'saved: 2024-03-22',
        'tags: []',
        '---',
        '',
        '# Bare',
        '',
        '[Original](https://example.com/bare)',
        '',
        '## Highlights',
        '',
        '> q [↗](https://example.com/bare#:~:text=before-,q,-after)',
        '',
      ].join('\n'),
    );
  });

  it('writes an article without highlights without a Highlights heading', () => {
    const md = articleMarkdown(exportArticle({ title: 'Saved only' }, [], 'Just a note'));
    expect(md).not.toContain('## Highlights');
    expect(md.endsWith('[Original](https://example.com/saved-only)\n\nJust a note\n')).toBe(true);
  });

  it('keeps a multi-line quote inside the block quote, and escapes what would format', () => {
    const md = articleMarkdown(
      exportArticle({ title: 'T' }, [
        highlight({ quote: 'line one\n# line two *bold*', note: '- not a list\n#notatag' }),
      ]),
    );
    expect(md).toContain('> line one\n> \\# line two \\*bold\\* [↗](');
    expect(md).toContain('\n\n\\- not a list\n\\#notatag\n');
  });

  it('handles right-to-left text, emoji and empty notes', () => {
    const md = articleMarkdown(
      exportArticle({ title: 'مقالة', author: 'أحمد' }, [
        highlight({ quote: 'نص مقتبس', note: '' }),
        highlight({ quote: 'emoji 🙌🏽', note: 'ملاحظة 🎉', tags: ['عربي'] }),
      ]),
    );
    expect(md).toContain(
      '> نص مقتبس [↗](https://example.com/#:~:text=before-,%D9%86%D8%B5%20%D9%85%D9%82%D8%AA%D8%A8%D8%B3,-after)\n\n> emoji',
    );
    expect(md).toContain('ملاحظة 🎉\n\n#عربي\n');
    if (jsYaml) expect(jsYaml.load(frontmatter(md))).toMatchObject({ title: 'مقالة', author: 'أحمد', tags: ['عربي'] });
  });

  it('links an orphaned highlight to the page, since its passage is gone', () => {
    const md = articleMarkdown(exportArticle({ title: 'T' }, [highlight({ quote: 'gone', anchor: 'orphaned' })]));
    expect(md).toContain('> gone [↗](https://example.com/t)');
  });

  it('dates "saved" and "created" in the time zone asked for', () => {
    const late = exportArticle({ title: 'T', createdAt: Date.UTC(2024, 2, 22, 23, 30) });
    expect(articleMarkdown(late)).toContain('saved: 2024-03-22');
    expect(articleMarkdown(late, { timeZone: 'Asia/Tokyo' })).toContain('saved: 2024-03-23');
    expect(articleMarkdown(late, { timeZone: 'Not/AZone' })).toContain('saved: 2024-03-22');
  });

  it('writes the reading list into the frontmatter: state, progress, star, reading time, saved date and own tags', () => {
    const listed = exportArticle(
      {
        title: 'Listed',
        createdAt: Date.UTC(2024, 2, 22, 9),
        readingStatus: 'archived',
        favourite: true,
        progress: 0.999,
        listedAt: Date.UTC(2024, 1, 2, 9),
        articleTags: ['long read'],
        readingMinutes: 12,
      },
      [highlight({ quote: 'q', tags: ['rust'] })],
    );
    const fm = frontmatter(articleMarkdown(listed));
    expect(fm.split('\n').slice(5)).toEqual([
      'saved: 2024-02-02',
      'status: archived',
      'progress: 1',
      'favourite: true',
      'reading_time: 12',
      'tags: [long-read, rust]',
    ]);
    if (jsYaml)
      expect(jsYaml.load(fm)).toMatchObject({ status: 'archived', progress: 1, favourite: true, reading_time: 12 });
  });

  it('an article not on the list has no reading-list lines, a new one no reading time', () => {
    const fm = frontmatter(articleMarkdown(exportArticle({ title: 'Plain', readingStatus: 'unread', listedAt: 0 })));
    expect(fm).toContain('status: unread\nprogress: 0\ntags');
    expect(frontmatter(articleMarkdown(exportArticle({ title: 'Plain' })))).not.toMatch(
      /status|progress|favourite|reading_time/,
    );
  });
});

describe('custom templates', () => {
  const article = exportArticle({ title: 'Closures' }, [
    highlight({ quote: 'q1', note: 'n1', tags: ['js'] }),
    highlight({ quote: 'q2' }),
  ]);

  it('renders a user template with sections, conditionals and filters', () => {
    const template =
      '{{title}} ({{highlightCount}})\n{{#highlights}}\n- {{quote}}{{#note}} — {{note}}{{/note}} {{hashtags}}\n{{/highlights}}\n';
    expect(articleMarkdown(article, { template })).toBe('Closures (2)\n- q1 — n1 #js\n- q2 \n');
  });

  it('gives a clear error for a broken template', () => {
    expect(() => articleMarkdown(article, { template: '{{#highlights}}{{quote}}' })).toThrow(
      'Template error at line 1, column 1: {{#highlights}} is never closed with {{/highlights}}',
    );
  });

  it('checks a template before it is saved, including sections a given article would skip', () => {
    expect(checkMarkdownTemplate('{{title}}{{^highlights}}{{nothing}}{{/highlights}}')).toBeInstanceOf(TemplateError);
    expect(checkMarkdownTemplate('{{title}}{{^highlights}}{{nothing}}{{/highlights}}')?.message).toMatch(
      /^Template error at line 1, column 25: unknown field "nothing"/,
    );
    expect(checkMarkdownTemplate('{{#highlights}}{{quote}} {{colour}} {{created}}{{/highlights}}')).toBeNull();
    expect(checkMarkdownTemplate('{{quote}} — {{title}}', 'highlight')).toBeNull();
    expect(checkMarkdownTemplate('{{quot}}', 'highlight')?.problem).toMatch(/^unknown field "quot"/);
  });
});

describe('copy as Markdown', () => {
  const a = exportArticle({ title: 'T', author: null }, [highlight({ quote: 'q', note: '', tags: [] })], 'page note');

  it('copies one highlight with where it is from, without an author when there is none', () => {
    expect(copyHighlightMarkdown(a, a.highlights[0]!)).toBe(
      '> q\n>\n> — [T](https://example.com/t#:~:text=before-,q,-after)\n',
    );
  });

  it('copies an article without its frontmatter', () => {
    const copy = copyArticleMarkdown(a);
    expect(copy.startsWith('# T\n')).toBe(true);
    expect(withoutFrontmatter('no frontmatter')).toBe('no frontmatter');
    expect(withoutFrontmatter('---\na: b\n---\n\n\nbody')).toBe('body');
  });
});

describe('markdownFiles', () => {
  it('names files after titles, unique within the export', () => {
    const files = markdownFiles(
      exportData([
        exportArticle({ title: 'Same' }),
        exportArticle({ title: 'same' }),
        exportArticle({ title: 'A/B: C?' }),
      ]),
    );
    expect(files.map((f) => f.name)).toEqual(['Same.md', 'same (2).md', 'A-B - C.md']);
  });
});
