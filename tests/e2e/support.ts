/** Shared set-up for end-to-end tests: a browser binary check that skips visibly off CI. */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export const ARTIFACTS_DIR = resolve('tests/e2e/artifacts');
mkdirSync(ARTIFACTS_DIR, { recursive: true });

/**
 * Whether an end-to-end suite can run. On CI a missing browser is a failure (the
 * suite runs and fails to launch); on a user's machine it is a visible skip.
 */
export function browserSkipReason(binary: string, aptPackage: string): string | null {
  if (existsSync(binary) || process.env.CI) return null;
  return `skipped: ${binary} is missing (sudo apt-get install ${aptPackage})`;
}
