/**
 * Where a JSON text stops being valid, and what was expected there. `JSON.parse`
 * says so in words that differ between engines and versions, and sometimes without
 * a position at all ("Unexpected token 'x', "…" is not valid JSON"); this scanner
 * runs only after `JSON.parse` has failed and gives one consistent answer.
 * Iterative, so a hostile file nested a million deep cannot overflow the stack.
 */

export interface JsonErrorLocation {
  /** Offset in UTF-16 code units. */
  offset: number;
  line: number;
  column: number;
  /** What would have been valid at this point, in words. */
  expected: string;
  /** The text ended before the JSON did: the file was probably cut short. */
  truncated: boolean;
}

type Expect = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'commaOrEnd' | 'end';

const EXPECTED: Record<Expect, string> = {
  value: 'a value',
  valueOrEnd: "a value or ']'",
  key: 'a property name in double quotes',
  keyOrEnd: "a property name in double quotes or '}'",
  colon: "':'",
  commaOrEnd: "',' or the closing bracket",
  end: 'the end of the file',
};

/**
 * @return null if `text` is valid JSON
 */
export function locateJsonError(text: string): JsonErrorLocation | null {
  const stack: Array<'{' | '['> = [];
  let expect: Expect = 'value';
  let i = 0;
  const fail = (at: number, what: string): JsonErrorLocation => ({
    offset: at,
    ...lineAndColumn(text, at),
    expected: what,
    truncated: at >= text.length,
  });
  const afterValue = (): Expect => (stack.length > 0 ? 'commaOrEnd' : 'end');

  for (;;) {
    while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
    if (i >= text.length) return expect === 'end' ? null : fail(i, describeExpected(expect, stack));
    const c = text[i]!;
    switch (expect) {
      case 'value':
      case 'valueOrEnd': {
        if (expect === 'valueOrEnd' && c === ']') {
          stack.pop();
          i++;
          expect = afterValue();
        } else if (c === '{' || c === '[') {
          stack.push(c);
          i++;
          expect = c === '{' ? 'keyOrEnd' : 'valueOrEnd';
        } else {
          const end = scanScalar(text, i);
          if (typeof end !== 'number') return fail(end.at, end.expected);
          i = end;
          expect = afterValue();
        }
        break;
      }
      case 'key':
      case 'keyOrEnd': {
        if (expect === 'keyOrEnd' && c === '}') {
          stack.pop();
          i++;
          expect = afterValue();
        } else if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return fail(end.at, end.expected);
          i = end;
          expect = 'colon';
        } else {
          return fail(i, EXPECTED[expect]);
        }
        break;
      }
      case 'colon':
        if (c !== ':') return fail(i, EXPECTED.colon);
        i++;
        expect = 'value';
        break;
      case 'commaOrEnd': {
        const open = stack.at(-1);
        const close = open === '{' ? '}' : ']';
        if (c === ',') {
          i++;
          expect = open === '{' ? 'key' : 'value';
        } else if (c === close) {
          stack.pop();
          i++;
          expect = afterValue();
        } else {
          return fail(i, describeExpected(expect, stack));
        }
        break;
      }
      case 'end':
        return fail(i, EXPECTED.end);
    }
  }
}

function describeExpected(expect: Expect, stack: ReadonlyArray<'{' | '['>): string {
  if (expect !== 'commaOrEnd') return EXPECTED[expect];
  return `',' or '${stack.at(-1) === '{' ? '}' : ']'}'`;
}

/** 1-based line and column (in UTF-16 code units) of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

type ScanResult = number | { at: number; expected: string };

function scanScalar(text: string, i: number): ScanResult {
  const c = text[i]!;
  if (c === '"') return scanString(text, i);
  if (c === '-' || (c >= '0' && c <= '9')) return scanNumber(text, i);
  for (const literal of ['true', 'false', 'null']) {
    if (literal[0] !== c) continue;
    for (let k = 1; k < literal.length; k++) {
      if (text[i + k] !== literal[k]) return { at: i + k, expected: `'${literal}'` };
    }
    return i + literal.length;
  }
  return { at: i, expected: EXPECTED.value };
}

function scanString(text: string, start: number): ScanResult {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1; // closing quote
    if (code < 0x20) return { at: i, expected: 'a control character written as an escape (\\n, \\t, \\u0000…)' };
    if (code === 0x5c) {
      const next = text[i + 1];
      if (next === 'u') {
        for (let k = 2; k < 6; k++) {
          if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) return { at: i + k, expected: 'four hex digits after \\u' };
        }
        i += 5;
      } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
        i++;
      } else {
        return { at: i + 1, expected: 'an escape: \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u' };
      }
    }
  }
  return { at: text.length, expected: "the closing '\"' of a string" };
}

function scanNumber(text: string, start: number): ScanResult {
  let i = start;
  if (text[i] === '-') i++;
  if (text[i] === '0') i++;
  else if (!isDigit(text[i])) return { at: i, expected: 'a digit' };
  else while (isDigit(text[i])) i++;
  if (text[i] === '.') {
    i++;
    if (!isDigit(text[i])) return { at: i, expected: 'a digit after the decimal point' };
    while (isDigit(text[i])) i++;
  }
  if (text[i] === 'e' || text[i] === 'E') {
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    if (!isDigit(text[i])) return { at: i, expected: 'a digit in the exponent' };
    while (isDigit(text[i])) i++;
  }
  return i;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}
