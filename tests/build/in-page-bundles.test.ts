/**
 * What the built extension puts into web pages, checked after `npm test` builds it:
 * the script on every page stays within its size budget (issue #11), and nothing
 * loaded into a page carries WXT's started-message, which let any site detect Margin
 * and switch it off. Sizes, not times: deterministic for a given build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { EVERY_PAGE_BUDGET_GZIP, inPageBundles } from '../../bench/bundle-size';

// BUNDLE_BUILDS=dir[,dir] checks other builds (an older release's, to see the checks fail).
const BUILDS = process.env.BUNDLE_BUILDS?.split(',') ?? ['.output/chrome-mv3', '.output/firefox-mv2'];
const missing = BUILDS.filter((b) => !existsSync(join(b, 'manifest.json')));
const skip = missing.length && !process.env.CI ? `skipped: ${missing.join(', ')} not built (npm run build:all)` : null;

describe.skipIf(skip)(`what reaches web pages${skip ? ` (${skip})` : ''}`, () => {
  test.each(BUILDS)(`%s: the script on every page is within ${EVERY_PAGE_BUDGET_GZIP} B gzip`, (build) => {
    const everyPage = inPageBundles(build).filter((b) => b.kind === 'every page');
    expect(everyPage.length).toBeGreaterThan(0);
    for (const b of everyPage) expect(b.gzipBytes, b.file).toBeLessThanOrEqual(EVERY_PAGE_BUDGET_GZIP);
  });

  test.each(BUILDS)('%s: no in-page script announces Margin to the page', (build) => {
    for (const b of inPageBundles(build)) {
      if (!b.file.endsWith('.js')) continue;
      expect(readFileSync(join(build, b.file), 'utf8'), b.file).not.toContain('content-script-started');
    }
  });
});
