/**
 * `npm run extract -- <file.html|file.html.gz>... [--url URL] [--format text|markdown|html|json]`
 *
 * Runs the extension's own `extractArticle` on saved pages, in Node (jsdom).
 * Without `--url`, each page's `<link rel="canonical">`/`og:url` is used as
 * its URL, else its file:// URL.
 *
 * Output: `text` (default) prints the title and the article text; `markdown`
 * a Markdown document; `html` the sanitized HTML; `json` one object per line:
 * `{file, ...}` and every field of `ExtractedArticle` (`utils/extraction/article.ts`:
 * title, byline, siteName, published, lang, readingMinutes, excerpt, leadImage,
 * url, html, text, fallback), where `fallback` is null, or
 * `{reason, ourChars, readabilityChars}` when Margin's clean-up cut the
 * article and Readability's own result was used instead (text output notes
 * it on stderr).
 *
 * Files are decoded as a browser opening them would: BOM, `<meta charset>`,
 * well-formed UTF-8, else windows-1252 (`decode-html.ts`). With several files, text/markdown/html output
 * is preceded by a `==> file <==` line per file.
 *
 * A page without an article is a result, not an error: `{file, article: null}`
 * in JSON, a note on stderr otherwise. A file that cannot be read or parsed
 * gives `{file, error}` in JSON (stderr otherwise) and the run goes on.
 * Exit code: 0 when at least one file was processed, 1 when every file
 * failed, 2 for a usage error.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { decodeHtmlFile } from '../utils/extraction/decode-html.ts';
import { htmlToMarkdown } from '../utils/extraction/html-to-markdown.ts';
import { extractArticle, type ExtractedArticle } from '../utils/extraction/index.ts';
import { declaredPageUrl, parseHtml } from '../utils/extraction/node-dom.ts';

const FORMATS = ['text', 'markdown', 'html', 'json'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = 'usage: npm run extract -- <file.html|file.html.gz>... [--url URL] [--format text|markdown|html|json]';

/** Reads a page, gunzipping `.gz` files (or any file starting with the gzip magic bytes), decoded as a browser would. */
async function readPage(file: string): Promise<string> {
  return decodeHtmlFile(await readFile(file)).html;
}

/** Extracts one file; the page URL comes from --url, the page itself, or the file path. */
async function extractFile(file: string, url: string | undefined): Promise<ExtractedArticle | null> {
  const html = await readPage(file);
  const fileUrl = pathToFileURL(resolve(file)).href;
  let dom = parseHtml(html, url ?? fileUrl);
  if (!url) {
    // Saved pages name their original URL; links resolve against it, as they did online.
    const declared = declaredPageUrl(dom.document);
    if (declared) {
      dom.close();
      dom = parseHtml(html, declared);
    }
  }
  try {
    return extractArticle(dom.document, { url: dom.document.URL, window: dom.window });
  } finally {
    dom.close();
  }
}

function render(article: ExtractedArticle, format: Exclude<Format, 'json'>): string {
  if (format === 'html') return `${article.html}\n`;
  const meta = [article.byline, article.siteName, article.published, `${article.readingMinutes} min read`]
    .filter(Boolean)
    .join(' · ');
  if (format === 'markdown') {
    const container = parseHtml(`<body>${article.html}</body>`, article.url);
    const body = htmlToMarkdown(container.document.body);
    container.close();
    return `# ${article.title}\n\n_${meta}_\n\n${body}`;
  }
  return `${article.title}\n${meta}\n\n${article.text}\n`;
}

/** The command line; throws on an unknown option. */
function parseCommandLine() {
  return parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine();
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals: files } = parsed;
  const format = values.format as Format;
  if (values.help || files.length === 0 || !FORMATS.includes(format)) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  if (values.url !== undefined && !URL.canParse(values.url)) {
    console.error(`--url is not a URL: ${values.url}\n${USAGE}`);
    return 2;
  }

  let failures = 0;
  for (const file of files) {
    try {
      const article = await extractFile(file, values.url);
      if (format === 'json') {
        // The article's own shape, led by the file; `fallback` is always present (null when not used).
        const record = article ? { file, ...article, fallback: article.fallback ?? null } : { file, article: null };
        process.stdout.write(`${JSON.stringify(record)}\n`);
      } else if (!article) {
        console.error(`${file}: no article found`);
      } else {
        if (article.fallback) console.error(`${file}: showing Readability's result: ${article.fallback.reason}`);
        if (files.length > 1) process.stdout.write(`==> ${file} <==\n`);
        process.stdout.write(render(article, format));
      }
    } catch (error) {
      failures++;
      const message = (error as Error).message ?? String(error);
      if (format === 'json') process.stdout.write(`${JSON.stringify({ file, error: message })}\n`);
      else console.error(`${file}: ${message}`);
    }
  }
  return failures === files.length ? 1 : 0;
}

process.exitCode = await main();
