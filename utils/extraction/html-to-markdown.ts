/**
 * Markdown from the sanitized article HTML, for `npm run extract --format
 * markdown`. It only has to cover what the sanitizer lets through (headings,
 * paragraphs, lists, quotes, code, figures, simple tables, inline marks), so a
 * small converter of our own replaces a general-purpose library.
 */
import { isElement, isText } from './dom-helpers';

const INLINE_MARKS: Record<string, string> = { STRONG: '**', B: '**', EM: '_', I: '_', DEL: '~~', S: '~~' };

/** Escapes characters Markdown would read as syntax inside running text. */
function escapeText(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}

function inline(node: Node): string {
  if (isText(node)) return escapeText(node.data.replace(/\s+/g, ' '));
  if (!isElement(node)) return '';
  const tag = node.tagName;
  const inner = (): string => Array.from(node.childNodes, inline).join('');
  if (tag === 'BR') return '  \n';
  if (tag === 'IMG') {
    const src = node.getAttribute('src');
    return src ? `![${escapeText(node.getAttribute('alt') ?? '')}](${src})` : '';
  }
  if (tag === 'CODE') {
    const code = node.textContent ?? '';
    const fence = code.includes('`') ? '``' : '`';
    return `${fence}${code}${fence}`;
  }
  if (tag === 'A') {
    const text = inner().trim();
    const href = node.getAttribute('href');
    return href && text ? `[${text}](${href})` : text;
  }
  const mark = INLINE_MARKS[tag];
  if (mark) {
    const text = inner();
    return text.trim() ? `${mark}${text.trim()}${mark}` : text;
  }
  if (tag === 'SUP') return `^${inner()}`;
  return inner();
}

/** Markdown lines for a block element and its content. */
function block(el: Element, depth: number): string[] {
  const tag = el.tagName;
  const heading = /^H([1-6])$/.exec(tag);
  if (heading) return [`${'#'.repeat(Number(heading[1]))} ${inline(el).trim()}`, ''];
  if (tag === 'P') {
    const text = inline(el).trim();
    return text ? [text, ''] : [];
  }
  if (tag === 'HR') return ['---', ''];
  if (tag === 'PRE') {
    const code = el.textContent ?? '';
    const lang =
      /language-([\w+#.-]+)/.exec(
        `${el.getAttribute('class') ?? ''} ${el.querySelector('code')?.getAttribute('class') ?? ''}`,
      )?.[1] ?? '';
    const fence = code.includes('```') ? '~~~~' : '```';
    return [`${fence}${lang}`, ...code.replace(/\n$/, '').split('\n'), fence, ''];
  }
  if (tag === 'BLOCKQUOTE') {
    const lines = children(el, depth);
    while (lines.length > 0 && !lines[lines.length - 1]) lines.pop();
    return [...lines.map((line) => (line ? `> ${line}` : '>')), ''];
  }
  if (tag === 'UL' || tag === 'OL') {
    const lines: string[] = [];
    let n = Number(el.getAttribute('start') ?? 1) || 1;
    for (const li of Array.from(el.children).filter((c) => c.tagName === 'LI')) {
      const marker = tag === 'OL' ? `${n++}. ` : '- ';
      // Tight items: no blank line before a nested list or at either end.
      const content = children(li, depth + 1).filter(
        (line, i, all) => line || (i > 0 && i < all.length - 1 && !/^(?:[-*]|\d+\.) /.test(all[i + 1] ?? '')),
      );
      for (const [i, line] of content.entries())
        lines.push(i === 0 ? `${marker}${line}` : line ? `${' '.repeat(marker.length)}${line}` : '');
    }
    return [...lines, ''];
  }
  if (tag === 'FIGURE') {
    const caption = el.querySelector('figcaption');
    const body = Array.from(el.childNodes).filter((c) => c !== caption);
    const media = body
      .map((c) =>
        isElement(c) && c.tagName !== 'PICTURE' && /^(?:P|DIV|TABLE|PRE)$/.test(c.tagName)
          ? block(c, depth).join('\n')
          : inline(c),
      )
      .join('')
      .trim();
    const text = caption ? inline(caption).trim() : '';
    return [media, ...(text ? ['', `_${text}_`] : []), ''];
  }
  if (tag === 'TABLE') return table(el);
  return children(el, depth);
}

/** A GitHub-flavoured table; cells are flattened to one line. */
function table(el: Element): string[] {
  const rows = Array.from(el.querySelectorAll('tr')).map((tr) =>
    Array.from(tr.children, (cell) =>
      inline(cell)
        .trim()
        .replace(/\|/g, '\\|')
        .replace(/\s*\n\s*/g, ' '),
    ),
  );
  if (rows.length === 0) return [];
  const width = Math.max(...rows.map((r) => r.length));
  const line = (cells: string[]): string =>
    `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  return [line(rows[0]!), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(line), ''];
}

/** Lines for the children of `el`: runs of inline content become paragraphs. */
function children(el: Element, depth: number): string[] {
  const lines: string[] = [];
  let run = '';
  const flush = (): void => {
    if (run.trim()) lines.push(run.trim(), '');
    run = '';
  };
  for (const child of Array.from(el.childNodes)) {
    if (
      isElement(child) &&
      /^(?:P|H[1-6]|HR|PRE|BLOCKQUOTE|UL|OL|FIGURE|TABLE|DIV|SECTION|ARTICLE|HEADER|FOOTER|ASIDE|MAIN|DL|DETAILS)$/.test(
        child.tagName,
      )
    ) {
      flush();
      lines.push(...block(child, depth));
    } else {
      run += inline(child);
    }
  }
  flush();
  return lines;
}

/**
 * Converts sanitized article HTML (an element holding it) to Markdown.
 * @return Markdown with blocks separated by blank lines, ending in one newline.
 */
export function htmlToMarkdown(root: Element): string {
  return `${children(root, 0)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
