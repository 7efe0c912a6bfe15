/**
 * The one zod schema of the W3C selectors in `selectors.ts`, shared by everything that
 * reads selectors from outside the code that made them: a backup or sync file
 * (`backup-schema.ts`, through it the message schemas), a W3C import, and the W3C
 * export, which writes only what an import would accept. A position whose `end` is
 * before its `start` is refused everywhere: it describes no passage, and a reader
 * that trusted it would slice the text backwards.
 *
 * zod lives here and not in `selectors.ts`: the highlighter imports that module and
 * carries no zod (`bench/bundle-size.ts`).
 */
import { z } from 'zod';

/** How long each part may be, and how a too-long string is refused. */
export interface SelectorLimits {
  exact: number;
  context: number;
  /** Largest offset; unbounded when absent. */
  position?: number;
  /** A string schema of at most `max` characters (to word the refusal as the caller does). */
  text?: (max: number) => z.ZodString;
}

/** The TextQuoteSelector and TextPositionSelector schemas under these limits. */
export function selectorSchemas(limits: SelectorLimits) {
  const text = limits.text ?? ((max: number) => z.string().max(max));
  const offset = z
    .number()
    .int()
    .min(0)
    .max(limits.position ?? Number.MAX_SAFE_INTEGER);
  return {
    quote: z.object({
      type: z.literal('TextQuoteSelector'),
      exact: text(limits.exact),
      prefix: text(limits.context).optional(),
      suffix: text(limits.context).optional(),
    }),
    position: z
      .object({ type: z.literal('TextPositionSelector'), start: offset, end: offset })
      .refine((s) => s.end >= s.start, { message: 'end is before start', path: ['end'] }),
  };
}

const anyLength = selectorSchemas({ exact: Number.MAX_SAFE_INTEGER, context: Number.MAX_SAFE_INTEGER });

/** Whether a stored position selector passes the same rule (what an export may write). */
export function isValidPosition(s: { type: 'TextPositionSelector'; start: number; end: number }): boolean {
  return anyLength.position.safeParse(s).success;
}
