/**
 * The small template language of the Markdown export: Mustache's tags with a
 * filter instead of Mustache's HTML escaping, because Markdown, YAML and a block
 * quote each need their own. No code runs: a template only looks values up.
 *
 * - `{{field}}` — the value as Markdown text (characters that would format are
 *   escaped); `{{a.b}}` looks into a group; `{{.}}` is the current list item.
 * - `{{field|raw}}` as is; `{{field|yaml}}` as a YAML value (frontmatter);
 *   `{{field|blockquote}}` as a block quote, every line inside it.
 * - `{{#field}}…{{/field}}` — repeated for each item of a list, shown once for any
 *   other non-empty value (text, a non-zero number, true), skipped when empty.
 * - `{{^field}}…{{/field}}` — shown only when the field is empty.
 * - `{{! comment }}` — left out.
 * A line holding only a section tag or a comment leaves no blank line behind.
 * Unknown fields, unknown filters and unbalanced sections are errors that name
 * the line and column.
 */
import { blockquote, escapeMarkdown } from './markdown-escape';
import { yamlFlowSequence, yamlString } from './yaml-scalar';

/** Text that is already Markdown (a link destination, `#tags`): written as is. */
export class MarkdownText {
  constructor(readonly markdown: string) {}
}

/** A calendar date, `YYYY-MM-DD`: written plain in YAML so Obsidian shows a date property. */
export class TemplateDate {
  constructor(readonly date: string) {}
}

export type TemplateValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | MarkdownText
  | TemplateDate
  | readonly TemplateValue[]
  | TemplateView;

export interface TemplateView {
  readonly [field: string]: TemplateValue;
}

/** A template that cannot be compiled or rendered, with where the problem is (1-based). */
export class TemplateError extends Error {
  constructor(
    readonly problem: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`Template error at line ${line}, column ${column}: ${problem}`);
    this.name = 'TemplateError';
  }
}

export const TEMPLATE_FILTERS = ['raw', 'yaml', 'blockquote'] as const;
type Filter = (typeof TEMPLATE_FILTERS)[number];

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'field'; path: string[]; filter: Filter | null; at: number }
  | { kind: 'section'; path: string[]; inverted: boolean; children: Node[]; at: number };

export interface Template {
  /** @throws TemplateError for a field the view does not have */
  render(view: TemplateView): string;
}

const NAME = /^(?:\.|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)$/;
/** Deeper nesting than any sensible template; keeps a hostile one from exhausting the stack. */
const MAX_DEPTH = 32;

/**
 * @throws TemplateError when the template is malformed
 */
export function compileTemplate(source: string): Template {
  const nodes = parse(source);
  return {
    render(view) {
      const out: string[] = [];
      renderNodes(nodes, [view], out, source);
      return out.join('');
    },
  };
}

function position(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

function fail(source: string, offset: number, problem: string): never {
  const { line, column } = position(source, offset);
  throw new TemplateError(problem, line, column);
}

function parse(source: string): Node[] {
  const root: Node[] = [];
  const open: { node: Extract<Node, { kind: 'section' }>; name: string }[] = [];
  const children = () => open.at(-1)?.node.children ?? root;
  let i = 0;
  while (i < source.length) {
    const start = source.indexOf('{{', i);
    if (start === -1) {
      children().push({ kind: 'text', text: source.slice(i) });
      break;
    }
    const end = source.indexOf('}}', start + 2);
    if (end === -1) fail(source, start, '"{{" is not closed with "}}"');
    const inner = source.slice(start + 2, end);
    if (inner.startsWith('{'))
      fail(source, start, 'triple braces are not supported; write {{name|raw}} for unescaped text');
    const sigil = inner[0] ?? '';
    let textEnd = start;
    let next = end + 2;
    if ('#^/!'.includes(sigil) && sigil !== '') {
      // A tag alone on its line takes the line with it.
      const lineStart = source.lastIndexOf('\n', start - 1) + 1;
      const newline = source.indexOf('\n', end + 2);
      const lineEnd = newline === -1 ? source.length : newline;
      if (/^[ \t]*$/.test(source.slice(lineStart, start)) && /^[ \t]*\r?$/.test(source.slice(end + 2, lineEnd))) {
        textEnd = Math.max(i, lineStart);
        next = newline === -1 ? source.length : newline + 1;
      }
    }
    if (textEnd > i) children().push({ kind: 'text', text: source.slice(i, textEnd) });
    i = next;
    if (sigil === '!') continue;
    const body = ('#^/'.includes(sigil) ? inner.slice(1) : inner).trim();
    if (sigil === '#' || sigil === '^') {
      checkName(source, start, body);
      if (open.length >= MAX_DEPTH) fail(source, start, `sections are nested more than ${MAX_DEPTH} deep`);
      const node = {
        kind: 'section' as const,
        path: body.split('.'),
        inverted: sigil === '^',
        children: [],
        at: start,
      };
      children().push(node);
      open.push({ node, name: body });
    } else if (sigil === '/') {
      const top = open.pop();
      if (!top) fail(source, start, `{{/${body}}} closes a section that was never opened`);
      if (top.name !== body) {
        const at = position(source, top.node.at);
        fail(
          source,
          start,
          `{{/${body}}} does not match {{#${top.name}}} opened at line ${at.line}, column ${at.column}`,
        );
      }
    } else {
      const [name = '', filter, ...extra] = body.split('|').map((s) => s.trim());
      checkName(source, start, name);
      if (extra.length > 0) fail(source, start, 'only one filter can be applied');
      if (filter !== undefined && !(TEMPLATE_FILTERS as readonly string[]).includes(filter)) {
        fail(source, start, `unknown filter "${filter}"; filters are ${TEMPLATE_FILTERS.join(', ')}`);
      }
      children().push({
        kind: 'field',
        path: name === '.' ? ['.'] : name.split('.'),
        filter: (filter as Filter) ?? null,
        at: start,
      });
    }
  }
  const unclosed = open.pop();
  if (unclosed) fail(source, unclosed.node.at, `{{#${unclosed.name}}} is never closed with {{/${unclosed.name}}}`);
  return root;
}

function checkName(source: string, at: number, name: string): void {
  if (!NAME.test(name))
    fail(source, at, `"${name}" is not a field name (letters, digits and _, groups joined by dots)`);
}

function isView(value: TemplateValue): value is TemplateView {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof MarkdownText) &&
    !(value instanceof TemplateDate)
  );
}

function lookup(stack: TemplateValue[], path: string[], at: number, source: string): TemplateValue {
  if (path[0] === '.') return stack[stack.length - 1];
  const [first = '', ...rest] = path;
  // Own properties only: `{{constructor}}` must not reach into Object.prototype.
  let scope: TemplateView | undefined;
  for (let i = stack.length - 1; i >= 0 && !scope; i--) {
    const candidate = stack[i];
    if (candidate !== undefined && isView(candidate) && Object.hasOwn(candidate, first)) scope = candidate;
  }
  if (!scope) {
    const known = new Set(stack.flatMap((v) => (v !== undefined && isView(v) ? Object.keys(v) : [])));
    fail(source, at, `unknown field "${first}"; fields here are ${[...known].join(', ')}`);
  }
  let value = scope[first];
  for (const key of rest) {
    if (value === null || value === undefined) return undefined;
    if (!isView(value) || !Object.hasOwn(value, key)) fail(source, at, `"${path.join('.')}" is not a field`);
    value = value[key];
  }
  return value;
}

function isEmpty(value: TemplateValue): boolean {
  if (value === null || value === undefined || value === false || value === 0) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (value instanceof MarkdownText) return value.markdown.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

function renderNodes(nodes: Node[], stack: TemplateValue[], out: string[], source: string): void {
  for (const node of nodes) {
    if (node.kind === 'text') {
      out.push(node.text);
    } else if (node.kind === 'field') {
      out.push(format(lookup(stack, node.path, node.at, source), node.filter, node.at, source));
    } else {
      const value = lookup(stack, node.path, node.at, source);
      if (node.inverted) {
        if (isEmpty(value)) renderNodes(node.children, stack, out, source);
      } else if (Array.isArray(value)) {
        for (const item of value as readonly TemplateValue[]) {
          stack.push(item);
          renderNodes(node.children, stack, out, source);
          stack.pop();
        }
      } else if (!isEmpty(value)) {
        stack.push(value);
        renderNodes(node.children, stack, out, source);
        stack.pop();
      }
    }
  }
}

/** The value's own text, before any escaping. */
function plain(value: TemplateValue, at: number, source: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof MarkdownText) return value.markdown;
  if (value instanceof TemplateDate) return value.date;
  if (Array.isArray(value)) return (value as readonly TemplateValue[]).map((v) => plain(v, at, source)).join(', ');
  return fail(source, at, 'this field is a group of fields; open it with {{#name}}…{{/name}}');
}

function format(value: TemplateValue, filter: Filter | null, at: number, source: string): string {
  switch (filter) {
    case 'raw':
      return plain(value, at, source);
    case 'blockquote':
      return blockquote(plain(value, at, source));
    case 'yaml':
      if (value === null || value === undefined) return 'null';
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      if (value instanceof TemplateDate) return value.date;
      if (Array.isArray(value))
        return yamlFlowSequence((value as readonly TemplateValue[]).map((v) => plain(v, at, source)));
      return yamlString(plain(value, at, source));
    case null:
      if (typeof value === 'string') return escapeMarkdown(value);
      if (Array.isArray(value))
        return (value as readonly TemplateValue[]).map((v) => format(v, null, at, source)).join(', ');
      return plain(value, at, source);
  }
}
