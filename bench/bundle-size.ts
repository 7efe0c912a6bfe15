/**
 * Sizes of what each build ships, raw and gzipped, per file that runs somewhere:
 * the background, the reader (injected only when the user opens it), extension pages.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFile {
  build: string;
  file: string;
  bytes: number;
  gzipBytes: number;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Every .js, .css and .html file of the given build directories. */
export function measureBundles(buildDirs: string[]): BundleFile[] {
  return buildDirs.filter(existsSync).flatMap((dir) =>
    walk(dir)
      .filter((f) => /\.(js|css|html)$/.test(f))
      .map((f) => {
        const body = readFileSync(f);
        return { build: relative('.output', dir), file: relative(dir, f), bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
      }),
  );
}
