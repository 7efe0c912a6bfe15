/**
 * Code blocks. Readability keeps `<pre>`, but it strips the classes that name
 * the language and turns `<br><br>` runs into paragraphs even inside code,
 * and highlighters add line-number gutters whose digits would end up in the
 * code. So, before Readability: name the language in one standard class,
 * turn `<br>` into newlines, and drop gutters.
 */
import { byTag, descendants, normalizedText } from './dom-helpers';

/** Class/attribute conventions of common highlighters (Prism, highlight.js, Rouge, GitHub, SyntaxHighlighter, pandoc). */
const LANGUAGE_CLASS = [
  /^(?:language|lang)-([\w+#.-]+)$/i,
  /^highlight-(?:source|text)-([\w+#.-]+)$/i,
  /^highlight-([\w+#.-]+)$/i,
  /^brush:([\w+#.-]+);?$/i,
];
const NOT_A_LANGUAGE = /^(?:none|plain|plaintext|text|nohighlight|source|default|auto)$/i;
const GUTTER = /(?:^|[\s_-])(?:line-?numbers?(?:-rows)?|linenos|lineno|gutter|blob-num|line-number)(?:$|[\s_-])/i;

/** The language named on `el`'s class or data attributes, lower-cased, or null. */
function languageOf(el: Element): string | null {
  const data = el.getAttribute('data-lang') ?? el.getAttribute('data-language');
  if (data && /^[\w+#.-]{1,30}$/.test(data) && !NOT_A_LANGUAGE.test(data)) return data.toLowerCase();
  // "brush: js; gutter: false" puts a space after the colon.
  const tokens = (el.getAttribute('class') ?? '').replace(/brush:\s+/gi, 'brush:').split(/\s+/);
  for (const token of tokens) {
    for (const re of LANGUAGE_CLASS) {
      const lang = re.exec(token)?.[1];
      if (lang && !NOT_A_LANGUAGE.test(lang) && !/^(?:source|text)$/i.test(lang)) return lang.toLowerCase();
    }
  }
  // pandoc: <pre class="sourceCode python">
  if (/\bsourceCode\b/.test(el.getAttribute('class') ?? '')) {
    const other = tokens.find((t) => t && t !== 'sourceCode' && /^[a-z][\w+#-]*$/i.test(t));
    if (other) return other.toLowerCase();
  }
  return null;
}

/** Looks at the block, its `<code>` child and up to two wrappers for a language name. */
function findLanguage(pre: Element): string | null {
  const code = [...pre.children].find((c) => c.tagName === 'CODE');
  const candidates: (Element | null | undefined)[] = [code, pre, pre.parentElement, pre.parentElement?.parentElement];
  for (const el of candidates) {
    const lang = el ? languageOf(el) : null;
    if (lang) return lang;
  }
  return null;
}

/** Tables that only lay out a line-number gutter next to the code become one `<pre>`. */
function flattenGutterTables(doc: Document): void {
  for (const table of byTag(doc, 'table')) {
    // Only tables that hold code: a <pre>, or a highlighter's class (GitHub's rendered gists).
    const pre = byTag(table, 'pre')[0];
    if (!pre && !/code|highlight|blob/i.test(table.getAttribute('class') ?? '')) continue;
    const rows = byTag(table, 'tr') as HTMLTableRowElement[];
    if (rows.length === 0 || byTag(table, 'table').length > 0) continue;
    const gutterCell = (cell: Element | undefined) =>
      !!cell &&
      (GUTTER.test(cell.getAttribute('class') ?? '') ||
        cell.hasAttribute('data-line-number') ||
        /^[\d\s]*$/.test(cell.textContent ?? ''));
    if (!rows.every((row) => row.cells.length === 2 && gutterCell(row.cells[0]))) continue;
    const codePre = rows.length === 1 ? byTag(rows[0]!.cells[1]!, 'pre')[0] : undefined;
    if (codePre) {
      table.replaceWith(codePre);
      continue;
    }
    // One row per line (GitHub's rendered gists): rebuild the code from the second cells.
    if (
      !/code|highlight|blob/i.test(
        `${table.getAttribute('class') ?? ''} ${rows[0]!.cells[1]?.getAttribute('class') ?? ''}`,
      )
    )
      continue;
    const newPre = doc.createElement('pre');
    const code = doc.createElement('code');
    code.textContent = rows.map((row) => (row.cells[1]?.textContent ?? '').replace(/\n$/, '')).join('\n');
    const wrapper = table.closest('[class*="highlight-"], [class*="language-"]');
    const lang = languageOf(table) ?? (wrapper ? languageOf(wrapper) : null);
    if (lang) code.setAttribute('class', `language-${lang}`);
    newPre.appendChild(code);
    table.replaceWith(newPre);
  }
}

/**
 * Normalises every `<pre>` in `doc`: language as `class="language-x"` on its
 * `<code>` (or on the `<pre>` when it has no single `<code>` child), `<br>` as
 * newline characters, line-number gutters removed.
 */
export function prepareCodeBlocks(doc: Document): void {
  flattenGutterTables(doc);
  for (const pre of byTag(doc, 'pre')) {
    for (const gutter of descendants(pre)) {
      if (
        pre.contains(gutter) &&
        GUTTER.test(gutter.getAttribute('class') ?? '') &&
        /^[\d\s]*$/.test(gutter.textContent ?? '')
      )
        gutter.remove();
    }
    for (const br of byTag(pre, 'br')) br.replaceWith(doc.createTextNode('\n'));
    const lang = findLanguage(pre);
    const onlyCode =
      pre.children.length === 1 &&
      pre.firstElementChild?.tagName === 'CODE' &&
      normalizedText(pre) === normalizedText(pre.firstElementChild);
    const target = onlyCode ? pre.firstElementChild! : pre;
    // Keep only the language class; the highlighter's token classes would be stripped later anyway.
    if (lang) target.setAttribute('class', `language-${lang}`);
    if (target !== pre) pre.removeAttribute('class');
  }
}
