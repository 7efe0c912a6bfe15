/**
 * YAML scalars for Markdown frontmatter: a string comes back as the same string
 * from any YAML 1.1 or 1.2 parser (Obsidian's, Logseq's, PyYAML, js-yaml). It is
 * written plain when that is unambiguous, which keeps frontmatter readable, and
 * double-quoted otherwise.
 */

// A first character that is a YAML indicator, or space.
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
// `: ` starts a mapping value and ` #` a comment anywhere; a trailing `:` or space too.
const INNER_SYNTAX = /:\s|\s#|:$|\s$/;
// Characters a plain scalar cannot hold: line breaks, tabs and other controls,
// Unicode line separators, the byte-order mark, and unpaired surrogates.
const NEEDS_ESCAPE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what needs escaping
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// Strings YAML 1.1 or 1.2 read as null, booleans, numbers, dates or special keys.
const RESOLVES_TO_OTHER_TYPE =
  /^(?:~|null|true|false|yes|no|on|off|y|n|<<|=|[-+]?(?:\.?\d|\.(?:inf|nan))[\d\w.:+-]*|\d{4}-\d\d?-\d\d?(?:[Tt\s].*)?)$/i;

/** Whether `text` can be written as a plain (unquoted) YAML scalar and read back unchanged. */
export function isPlainSafe(text: string, inFlow = false): boolean {
  return (
    text !== '' &&
    !INDICATOR_START.test(text) &&
    !INNER_SYNTAX.test(text) &&
    !NEEDS_ESCAPE.test(text) &&
    !RESOLVES_TO_OTHER_TYPE.test(text) &&
    // Inside `[a, b]` the flow indicators end a plain scalar.
    !(inFlow && /[,[\]{}]/.test(text))
  );
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\u0000': '\\0',
  '\u0085': '\\N',
  '\u2028': '\\L',
  '\u2029': '\\P',
};

/** `text` as a YAML double-quoted scalar. Unpaired surrogates, which YAML cannot hold, become U+FFFD. */
export function yamlQuoted(text: string): string {
  const body = text
    .toWellFormed()
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this escapes
    .replace(/[\\"\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g, (ch) => {
      return ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    });
  return `"${body}"`;
}

/** `text` as a YAML scalar: plain when safe, double-quoted otherwise. */
export function yamlString(text: string, inFlow = false): string {
  return isPlainSafe(text, inFlow) ? text : yamlQuoted(text);
}

/** A list of strings as a one-line YAML flow sequence: `[a, "b: c"]`. */
export function yamlFlowSequence(items: readonly string[]): string {
  return `[${items.map((item) => yamlString(item, true)).join(', ')}]`;
}
