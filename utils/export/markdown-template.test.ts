import { describe, expect, it } from 'vitest';
import { compileTemplate, MarkdownText, TemplateDate, TemplateError, type TemplateView } from './markdown-template';

const render = (source: string, view: TemplateView) => compileTemplate(source).render(view);

function errorOf(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('expected a TemplateError');
}

describe('fields', () => {
  it('writes text as Markdown, escaped; raw and trusted Markdown as they are', () => {
    const view = { title: '*Not* bold', link: new MarkdownText('https://e.x/a_(b)') };
    expect(render('# {{title}} [x]({{link}}) {{title|raw}}', view)).toBe(
      '# \\*Not\\* bold [x](https://e.x/a_(b)) *Not* bold',
    );
  });

  it('writes YAML values: quoted when needed, dates plain, lists in flow style, empty as null', () => {
    const view = {
      t: 'A: b',
      d: new TemplateDate('2024-03-21'),
      tags: ['a', 'b c'],
      none: null,
      n: 3,
      url: new MarkdownText('https://e.x/'),
    };
    expect(render('{{t|yaml}} {{d|yaml}} {{tags|yaml}} {{none|yaml}} {{n|yaml}} {{url|yaml}}', view)).toBe(
      '"A: b" 2024-03-21 [a, b c] null 3 https://e.x/',
    );
  });

  it('writes a block quote with every line inside it', () => {
    expect(render('{{q|blockquote}}', { q: 'one\ntwo' })).toBe('> one\n> two');
  });

  it('looks into groups with dots, and up into enclosing sections', () => {
    const view = { article: { title: 'T' }, items: [{ q: 'a' }, { q: 'b' }], title: 'Outer' };
    expect(render('{{article.title}}:{{#items}} {{q}}/{{title}}{{/items}}', view)).toBe('T: a/Outer b/Outer');
  });

  it('writes lists of text joined by commas, and nothing for empty values', () => {
    expect(render('[{{tags}}] [{{none}}] [{{undef}}]', { tags: ['a', 'b'], none: null, undef: undefined })).toBe(
      '[a, b] [] []',
    );
  });
});

describe('sections', () => {
  const view = { items: ['x', 'y'], empty: [], note: 'hi', blank: '  ', zero: 0, count: 2, yes: true, no: false };

  it('repeat for list items, with {{.}} the item', () => {
    expect(render('{{#items}}<{{.}}>{{/items}}', view)).toBe('<x><y>');
  });

  it('show once for other non-empty values and skip empty ones (blank text, 0, false, [])', () => {
    expect(
      render(
        '{{#note}}N:{{.}}{{/note}}{{#blank}}B{{/blank}}{{#zero}}Z{{/zero}}{{#count}}C{{/count}}{{#yes}}Y{{/yes}}{{#no}}F{{/no}}{{#empty}}E{{/empty}}',
        view,
      ),
    ).toBe('N:hiCY');
  });

  it('inverted sections show only for empty values', () => {
    expect(render('{{^empty}}none{{/empty}}{{^note}}no note{{/note}}{{^zero}}zero{{/zero}}', view)).toBe('nonezero');
  });

  it('a line holding only a section tag or comment leaves no blank line', () => {
    const source = 'a\n{{#items}}\n- {{.}}\n{{/items}}\n  {{! a comment }}  \n{{^empty}}\nnone\n{{/empty}}\nb\n';
    expect(render(source, view)).toBe('a\n- x\n- y\nnone\nb\n');
  });

  it('handles Windows line ends in the template', () => {
    expect(render('a\r\n{{#items}}\r\n{{.}}\r\n{{/items}}\r\nb', view)).toBe('a\r\nx\r\ny\r\nb');
  });

  it('keeps inline section tags where they are', () => {
    expect(render('{{#note}}[{{note}}]{{/note}} end', view)).toBe('[hi] end');
  });
});

describe('errors', () => {
  it.each([
    ['{{title', 1, 1, '"{{" is not closed with "}}"'],
    ['ok\n  {{#items}}x', 2, 3, '{{#items}} is never closed with {{/items}}'],
    ['{{#a}}{{/b}}', 1, 7, '{{/b}} does not match {{#a}} opened at line 1, column 1'],
    ['{{/a}}', 1, 1, '{{/a}} closes a section that was never opened'],
    ['{{title|shout}}', 1, 1, 'unknown filter "shout"; filters are raw, yaml, blockquote'],
    ['{{title|raw|yaml}}', 1, 1, 'only one filter can be applied'],
    ['{{{title}}}', 1, 1, 'triple braces are not supported; write {{name|raw}} for unescaped text'],
    ['{{ a b }}', 1, 1, '"a b" is not a field name (letters, digits and _, groups joined by dots)'],
    ['{{}}', 1, 1, '"" is not a field name (letters, digits and _, groups joined by dots)'],
  ])('%j fails at line %i, column %i: %s', (source, line, column, problem) => {
    const error = errorOf(() => compileTemplate(source));
    expect(error).toMatchObject({ line, column, problem });
    expect(error.message).toBe(`Template error at line ${line}, column ${column}: ${problem}`);
  });

  it('names an unknown field and the fields there are', () => {
    const error = errorOf(() => render('line\n  {{titel}}', { title: 'x', author: 'y' }));
    expect(error.message).toBe(
      'Template error at line 2, column 3: unknown field "titel"; fields here are title, author',
    );
  });

  it('does not reach into the prototype (constructor, __proto__, toString)', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(errorOf(() => render(`{{${name}}}`, { title: 'x' })).problem).toMatch(/^unknown field/);
    }
    expect(errorOf(() => render('{{title.length}}', { title: 'x' })).problem).toBe('"title.length" is not a field');
  });

  it('refuses to print a group of fields', () => {
    expect(errorOf(() => render('{{a}}', { a: { b: 'c' } })).problem).toBe(
      'this field is a group of fields; open it with {{#name}}…{{/name}}',
    );
  });

  it('refuses absurdly deep nesting instead of exhausting the stack', () => {
    expect(errorOf(() => compileTemplate('{{#a}}'.repeat(1000))).problem).toBe('sections are nested more than 32 deep');
  });

  it('does not run anything: a template is text and lookups', () => {
    expect(render('{{#items}}{{.}}{{/items}} ${1+1} <%= x %>', { items: ['<script>'] })).toBe(
      '\\<script> ${1+1} <%= x %>',
    );
  });
});
