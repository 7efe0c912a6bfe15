/**
 * A tiny static file server for the demo pages, the end-to-end tests and the benchmarks.
 *
 * Binds 127.0.0.1 only and never serves anything outside its root and mounts. `.html.gz` files
 * (the extraction corpus) are sent decompressed as HTML. Tests can swap a page's body at run time
 * with `setOverride`, to simulate a site that edits a post after it was highlighted.
 *
 * Run directly to serve `demo/`: `node --import tsx scripts/serve.ts [--port 8080]`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface ServeOptions {
  /** Folder served at `/`. */
  root: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Extra folders by URL prefix, e.g. `{ '/corpus/': '../shared/corpus' }`. */
  mounts?: Record<string, string>;
}

export interface RunningServer {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  port: number;
  /**
   * Serves `body` at `path` (a URL path such as `/post/` or `/post/index.html`) instead of the
   * file there, whether or not a file exists; `null` removes the override.
   */
  setOverride(path: string, body: string | null): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/**
 * Content type for a file name. HTML gets `charset=utf-8` only when the document does not declare
 * its own in its first bytes, so corpus pages in other encodings still decode as they declare.
 */
function contentType(name: string, body: Buffer): string {
  const type = TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
  if (type !== 'text/html') return type;
  const head = body.subarray(0, 1024).toString('latin1');
  return /<meta[^>]+charset/i.test(head) ? type : 'text/html; charset=utf-8';
}

/**
 * Decodes a request path into safe segments, or returns null when it could leave the served
 * folder (`..`, encoded or not, backslashes, NUL bytes) or is malformed.
 */
export function safeSegments(rawPath: string): string[] | null {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\') || !path.startsWith('/')) return null;
  const segments = path.split('/').filter((s) => s !== '' && s !== '.');
  return segments.includes('..') ? null : segments;
}

/** Normalises a URL path so `/a/` and `/a/index.html` share one override. */
function overrideKey(path: string): string {
  const bare = path.split('?')[0] ?? '/';
  const key = '/' + (safeSegments(bare) ?? []).join('/');
  return bare.endsWith('/') ? `${key === '/' ? '' : key}/index.html` : key;
}

/** Starts serving; resolves once the server is listening. */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const root = resolve(opts.root);
  // Longest prefix first, so `/corpus/x/` wins over `/corpus/`.
  const mounts = Object.entries(opts.mounts ?? {})
    .map(([prefix, dir]) => ({ segments: safeSegments(prefix) ?? [], dir: resolve(dir) }))
    .sort((a, b) => b.segments.length - a.segments.length);
  const overrides = new Map<string, string>();

  /** Maps URL segments to a folder and the path inside it, honouring mounts. */
  function locate(segments: string[]): { base: string; file: string } {
    for (const m of mounts) {
      if (m.segments.every((s, i) => segments[i] === s)) {
        return { base: m.dir, file: resolve(m.dir, ...segments.slice(m.segments.length)) };
      }
    }
    return { base: root, file: resolve(root, ...segments) };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, {
        'Content-Type': type,
        'Cache-Control': 'no-store',
        'Content-Length': Buffer.byteLength(body),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method Not Allowed');
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    const segments = safeSegments(rawPath);
    if (!segments) return send(403, 'Forbidden');

    const override = overrides.get(overrideKey(rawPath));
    if (override !== undefined) {
      const name = overrideKey(rawPath);
      const type = extname(name) ? contentType(name, Buffer.from(override)) : 'text/html; charset=utf-8';
      return send(200, override, type);
    }

    const { base, file } = locate(segments);
    if (file !== base && !file.startsWith(base + sep)) return send(403, 'Forbidden');

    const info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      if (!rawPath.endsWith('/')) {
        // Relative links in the page only resolve against a trailing-slash URL.
        res.writeHead(301, { Location: rawPath + '/', 'Cache-Control': 'no-store' });
        return void res.end();
      }
      return serveFile(resolve(file, 'index.html'), send);
    }
    return serveFile(file, send);
  }

  async function serveFile(file: string, send: (status: number, body: string | Buffer, type?: string) => void) {
    // `x.html.gz` is served as HTML; a request for `x.html` falls back to `x.html.gz`.
    for (const candidate of file.endsWith('.gz') ? [file] : [file, `${file}.gz`]) {
      const body = await readFile(candidate).catch(() => null);
      if (!body) continue;
      if (candidate.endsWith('.gz')) {
        const inner = candidate.slice(0, -3);
        const plain = gunzipSync(body);
        return send(200, plain, extname(inner) ? contentType(inner, plain) : 'text/html');
      }
      return send(200, body, contentType(candidate, body));
    }
    return send(404, 'Not Found');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' });
      res.end(String(err));
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    setOverride(path, body) {
      if (body === null) overrides.delete(overrideKey(path));
      else overrides.set(overrideKey(path), body);
    },
    close: () =>
      new Promise<void>((ok, fail) => {
        server.closeAllConnections();
        server.close((err) => (err ? fail(err) : ok()));
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const portFlag = process.argv.indexOf('--port');
  const port = portFlag > 0 ? Number(process.argv[portFlag + 1]) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('usage: node --import tsx scripts/serve.ts [--port N]');
    process.exit(2);
  }
  const root = fileURLToPath(new URL('../demo/', import.meta.url));
  const server = await startServer({ root, port });
  console.log(`Serving ${root} at ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
