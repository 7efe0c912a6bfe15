/**
 * An import that cannot be applied: its records point at articles that do not
 * exist, or a check failed. Thrown before anything is written (or from inside the
 * import's transaction, which then rolls back), so the database is as it was.
 */
export class ImportRefusedError extends Error {
  override readonly name = 'ImportRefusedError';

  /** @param problems - each names its place in the file */
  constructor(readonly problems: readonly string[]) {
    super(`The import was refused and nothing was changed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
