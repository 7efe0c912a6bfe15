/**
 * Bundles project modules into one script to run in a browser page (an extension page
 * driven by a test or a benchmark), as esbuild does for the extension itself.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';

// tsx compiles the callers with esbuild's keepNames, so functions they hand to
// `page.evaluate` call esbuild's `__name` helper: the bundle provides it.
const NAME_HELPER =
  'globalThis.__name ??= (fn, value) => Object.defineProperty(fn, "name", { value, configurable: true });';

/**
 * @param entry - the bundle's entry source: imports that put what the page needs on `globalThis`
 * @param resolveDir - where its relative imports resolve (another checkout, for side-by-side benches)
 * @return the bundled script's text (an IIFE)
 */
export async function pageBundle(entry: string, resolveDir = '.'): Promise<string> {
  const result = await build({
    stdin: { contents: `${entry}\n${NAME_HELPER}`, resolveDir: resolve(resolveDir), loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
