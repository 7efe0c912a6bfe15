import { expect, test } from 'vitest';
import { lineAndColumn, locateJsonError } from './locate-json-error';

test.each([
  ['{"a": 1}', null],
  ['[1, -2.5e+3, true, false, null, "x\\u00e9\\n"]', null],
  ['  {"a": {"b": []}}\n', null],
])('valid JSON has no error: %s', (text, expected) => {
  expect(locateJsonError(text)).toBe(expected);
  expect(() => JSON.parse(text)).not.toThrow();
});

test.each([
  // text, offset, expected (part), truncated
  ['{"a": 1,}', 8, 'property name', false],
  ['{"a" 1}', 5, "':'", false],
  ['{"a": tru}', 9, "'true'", false],
  ['[1 2]', 3, "',' or ']'", false],
  ['{"a": 1]', 7, "',' or '}'", false],
  ['[01]', 2, "',' or ']'", false],
  ['[1.]', 3, 'digit after the decimal point', false],
  ['["a\tb"]', 3, 'control character', false],
  ['["\\x"]', 3, 'an escape', false],
  ['[1] x', 4, 'end of the file', false],
  ["{'a': 1}", 1, 'property name', false],
  ['{"a": [1, 2', 11, "',' or ']'", true],
  ['{"a": "unterminated', 19, 'closing', true],
  ['', 0, 'a value', true],
  ['{"a": {"b": nu', 14, "'null'", true],
])('%s fails at %i', (text, offset, expected, truncated) => {
  expect(() => JSON.parse(text)).toThrow();
  const where = locateJsonError(text);
  expect(where).toMatchObject({ offset, truncated });
  expect(where?.expected).toContain(expected);
});

test('lines and columns count from 1', () => {
  const text = '{\n  "a": 1,\n  "b": x\n}';
  expect(locateJsonError(text)).toMatchObject({ line: 3, column: 8 });
  expect(lineAndColumn('abc', 0)).toEqual({ line: 1, column: 1 });
});

test('nesting a million deep does not overflow the stack', () => {
  const text = '['.repeat(1_000_000) + ']'.repeat(999_999);
  expect(locateJsonError(text)).toMatchObject({ truncated: true, offset: text.length });
});
