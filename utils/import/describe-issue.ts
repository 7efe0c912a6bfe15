/**
 * Zod's issues in words a person restoring a backup can act on, each with the path
 * of the value: "records.highlights[3].colour: expected one of yellow, green, blue,
 * pink, purple; got "orange"". Zod's own messages are written for developers
 * ("Invalid option: expected one of "yellow"|"green"…") and change between versions.
 */
import type { core } from 'zod';
import { atPath } from './json-path';

const NOUNS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

/**
 * @param prefix - the path of the value that was checked, when it was checked on its own
 */
export function describeIssue(issue: core.$ZodIssue, prefix: readonly PropertyKey[] = []): string {
  return atPath([...prefix, ...issue.path], explain(issue));
}

function explain(issue: core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `missing (${noun(issue.expected)} is required)`;
      return `expected ${noun(issue.expected)}, got ${describeValue(issue.input)}`;
    case 'invalid_value':
      return `expected ${oneOf(issue.values)}, got ${describeValue(issue.input)}`;
    case 'invalid_union':
      if (issue.discriminator !== undefined && 'options' in issue && issue.options) {
        // The path already ends at the discriminator; the input is the object holding it.
        const value =
          typeof issue.input === 'object' && issue.input !== null
            ? (issue.input as Record<string, unknown>)[issue.discriminator]
            : issue.input;
        return `expected one of ${issue.options.map(String).join(', ')}, got ${describeValue(value)}`;
      }
      return `does not match any allowed form (got ${describeValue(issue.input)})`;
    case 'too_big':
      return tooBig(issue);
    case 'too_small':
      return tooSmall(issue);
    case 'invalid_format':
      return `is not a valid ${issue.format === 'uuid' ? 'UUID' : issue.format} (got ${describeValue(issue.input)})`;
    default:
      return issue.message;
  }
}

function tooBig(issue: core.$ZodIssueTooBig): string {
  const max = Number(issue.maximum).toLocaleString('en');
  const input = issue.input;
  if (issue.origin === 'string' && typeof input === 'string') {
    return `text of ${input.length.toLocaleString('en')} characters; at most ${max} allowed`;
  }
  if (issue.origin === 'array' && Array.isArray(input))
    return `${input.length.toLocaleString('en')} items; at most ${max} allowed`;
  return `must be at most ${max}`;
}

function tooSmall(issue: core.$ZodIssueTooSmall): string {
  const min = Number(issue.minimum);
  if (issue.origin === 'string') return min <= 1 ? 'must not be empty' : `needs at least ${min} characters`;
  if (issue.origin === 'array') return min <= 1 ? 'needs at least one item' : `needs at least ${min} items`;
  return `must be ${min.toLocaleString('en')} or more`;
}

function noun(expected: string): string {
  return NOUNS[expected] ?? expected;
}

function oneOf(values: readonly unknown[]): string {
  const shown = values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return shown.length === 1 ? JSON.stringify(values[0]) : `one of ${shown.join(', ')}`;
}

/** A short description of a value from the file; never the whole of a long string. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'an object';
}
