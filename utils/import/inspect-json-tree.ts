/**
 * Checks on a parsed JSON document that hold for any file, before the schema looks at
 * it: no key that could reach an object's prototype, no string longer than any field
 * may be, no absurd nesting. A backup Margin wrote never trips them; a hostile file is
 * refused here with the path of the offending value.
 *
 * `JSON.parse` itself is safe (a `"__proto__"` key becomes an own property, not the
 * prototype), and the schema copies known keys only, but code that later spreads or
 * merges such an object could still be fooled; refusing the file is simpler than
 * proving every later step safe.
 */
import { atPath } from './json-path';

/** Keys refused anywhere in a file. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface TreeLimits {
  maxStringLength: number;
  maxDepth: number;
  maxProblems: number;
}

interface PathNode {
  parent: PathNode | null;
  key: string | number;
}

/**
 * Walks `root` without recursion.
 * @return the first `maxProblems` problems, each naming its path; empty if none
 */
export function inspectJsonTree(root: unknown, limits: TreeLimits): string[] {
  const problems: string[] = [];
  const stack: Array<{ value: unknown; path: PathNode | null; depth: number }> = [
    { value: root, path: null, depth: 0 },
  ];
  const report = (path: PathNode | null, message: string) => {
    if (problems.length < limits.maxProblems) problems.push(atPath(segments(path), message));
  };

  while (stack.length > 0 && problems.length < limits.maxProblems) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.length > limits.maxStringLength) {
        report(
          path,
          `text of ${value.length.toLocaleString('en')} characters; no field may be longer than ${limits.maxStringLength.toLocaleString('en')}`,
        );
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= limits.maxDepth) {
      report(path, `nested more than ${limits.maxDepth} levels deep`);
      continue;
    }
    if (Array.isArray(value)) {
      // Pushed in reverse so problems come out in document order.
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], path: { parent: path, key: i }, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(value);
    for (const key of keys) {
      if (FORBIDDEN_KEYS.has(key)) report({ parent: path, key }, `the key "${key}" is not allowed in a backup`);
    }
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k]!;
      if (FORBIDDEN_KEYS.has(key)) continue;
      stack.push({ value: (value as Record<string, unknown>)[key], path: { parent: path, key }, depth: depth + 1 });
    }
  }
  return problems;
}

function segments(node: PathNode | null): Array<string | number> {
  const out: Array<string | number> = [];
  for (let n = node; n; n = n.parent) out.push(n.key);
  return out.reverse();
}
