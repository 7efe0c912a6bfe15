// @vitest-environment node
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { safeSegments, startServer, type RunningServer } from './serve';

/**
 * A GET whose path is sent exactly as written: fetch() and URL would normalise
 * `/../` and `%2e%2e` away before the server ever saw them.
 */
function rawGet(
  port: number,
  path: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

describe('startServer', () => {
  let dir: string;
  let server: RunningServer;
  const get = (path: string) => rawGet(server.port, path);

  beforeAll(async () => {
    // tmp/root is served, tmp/corpus is mounted at /corpus/, tmp/secret.txt must stay out of reach.
    dir = mkdtempSync(join(tmpdir(), 'margin-serve-'));
    mkdirSync(join(dir, 'root', 'post', 'img'), { recursive: true });
    mkdirSync(join(dir, 'corpus'));
    writeFileSync(join(dir, 'secret.txt'), 'TOP SECRET');
    writeFileSync(join(dir, 'root', 'post', 'index.html'), '<!doctype html><title>Post</title><p>Hello</p>');
    writeFileSync(join(dir, 'root', 'post', 'style.css'), 'p { color: red }');
    writeFileSync(join(dir, 'root', 'post', 'img', 'a.png'), Buffer.from([137, 80, 78, 71]));
    writeFileSync(join(dir, 'root', 'post', 'img', 'b.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dir, 'corpus', 'page.html.gz'), gzipSync('<html><body><p>Zipped corpus page</p></body></html>'));
    writeFileSync(join(dir, 'corpus', 'latin.html'), '<meta charset="windows-1252"><p>caf\xe9</p>', 'latin1');
    server = await startServer({ root: join(dir, 'root'), mounts: { '/corpus/': join(dir, 'corpus') } });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('listens on 127.0.0.1 on a free port', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  test.each([
    ['/post/index.html', 'text/html; charset=utf-8'],
    ['/post/style.css', 'text/css; charset=utf-8'],
    ['/post/img/a.png', 'image/png'],
    ['/post/img/b.svg', 'image/svg+xml'],
  ])('serves %s as %s, never cached', async (path, type) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  test('serves index.html for a folder, and redirects a folder without its slash', async () => {
    expect((await get('/post/')).body).toContain('<p>Hello</p>');
    expect((await get('/post/?utm=x')).body).toContain('<p>Hello</p>');
    const res = await get('/post');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/post/');
  });

  test('404s a missing file', async () => {
    expect((await get('/post/missing.html')).status).toBe(404);
    expect((await get('/nowhere/')).status).toBe(404);
  });

  test.each([
    '/../secret.txt',
    '/../../package.json',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/post/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/corpus/../../secret.txt',
    '/corpus/%2e%2e/secret.txt',
    '/post/..%5c..%5csecret.txt',
    '/post/index.html%00.png',
    '/%E0%A4%A',
  ])('refuses %s', async (path) => {
    const res = await get(path);
    expect([400, 403, 404]).toContain(res.status);
    expect(res.body).not.toContain('TOP SECRET');
  });

  test('serves a mount, and .html.gz decompressed as HTML', async () => {
    const res = await get('/corpus/page.html.gz');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('Zipped corpus page');
    expect((await get('/corpus/page.html')).body).toContain('Zipped corpus page');
  });

  test('leaves the charset to pages that declare their own', async () => {
    expect((await get('/corpus/latin.html')).headers['content-type']).toBe('text/html');
  });

  test('setOverride replaces a page until it is cleared', async () => {
    server.setOverride('/post/', '<p>Edited on the server</p>');
    expect((await get('/post/')).body).toBe('<p>Edited on the server</p>');
    expect((await get('/post/index.html')).body).toBe('<p>Edited on the server</p>');
    server.setOverride('/post/new.html', '<p>New page</p>');
    const added = await get('/post/new.html');
    expect(added.status).toBe(200);
    expect(added.headers['content-type']).toMatch(/^text\/html/);
    server.setOverride('/post/index.html', null);
    expect((await get('/post/')).body).toContain('<p>Hello</p>');
  });
});

describe('safeSegments', () => {
  test.each([
    ['/a/b.html', ['a', 'b.html']],
    ['/a//./b/', ['a', 'b']],
    ['/caf%C3%A9/', ['café']],
    ['/', []],
    ['/a/../b', null],
    ['/a/%2e%2e/b', null],
    ['/a%5c..%5cb', null],
    ['/a%00', null],
    ['/%zz', null],
    ['relative', null],
  ])('%s → %j', (path, expected) => {
    expect(safeSegments(path)).toEqual(expected);
  });
});
