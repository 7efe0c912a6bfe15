/**
 * Small helpers the importers share for JSON exports: the first problems a zod
 * check found, each as `file path: problem`, the way the W3C importer words them.
 */
import { z } from 'zod';

const MAX_PROBLEMS = 5;

/** @param where - the file's name in the export */
export function zodProblems(error: z.ZodError, where: string): string[] {
  const list = error.issues.slice(0, MAX_PROBLEMS).map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    return `${where}${path ? ` ${path.replace(/^\./, '')}` : ''}: ${issue.message}`;
  });
  const more = error.issues.length - list.length;
  return more > 0 ? [...list, `…and ${more} more problems`] : list;
}

/** Parses JSON text, or says why it is not JSON. */
export function parseJsonText(
  text: string,
  where: string,
): { ok: true; value: unknown } | { ok: false; errors: string[] } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, errors: [`${where}: not JSON (${(error as Error).message})`] };
  }
}

/**
 * A highlights file that lists pages, `[{url, title, highlights: [...]}]` (Pocket's
 * annotations, Obsidian Web Clipper's export), with each highlight's own fields.
 */
export function highlightPagesSchema<T extends z.ZodRawShape>(highlight: T) {
  return z.array(
    z.looseObject({
      url: z.string().max(8192),
      title: z.string().max(10_000).nullish(),
      highlights: z.array(z.looseObject(highlight)).max(100_000),
    }),
  );
}
