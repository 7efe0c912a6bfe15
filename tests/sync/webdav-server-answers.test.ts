/**
 * Where the real WebDAV servers disagree, request by request: the raw answers behind
 * ARCHITECTURE.md's table of server differences. They are pinned here so that a server
 * version that changes one shows up as a named row, not as a mysterious sync failure;
 * `utils/sync/webdav-remote.test.ts` proves the client copes with every column.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WEBDAV_KINDS, startWebDav, webDavMissing, type WebDavKind } from '../support/webdav-kinds';
import type { WebDavServer } from '../support/webdav-server';

interface Probe {
  server: WebDavServer;
  /** A fresh folder on the server for this row, ending in `/`. */
  folder: string;
  send(method: string, path: string, init?: { headers?: Record<string, string>; body?: string }): Promise<Response>;
}

const LOCK_BODY =
  '<?xml version="1.0"?><D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype></D:lockinfo>';

const etagKind = (etag: string | null) => (etag === null ? 'none' : etag.startsWith('W/') ? 'weak' : 'strong');

/** A PUT of `f.txt` sent halfway, for the length of `during`; then its connection drops. */
async function duringUpload<T>(p: Probe, during: () => Promise<T>): Promise<T> {
  const url = new URL(`${p.folder}f.txt`, p.server.url);
  const upload = request(url, {
    method: 'PUT',
    headers: { Authorization: auth(p.server), 'Content-Length': 100_000 },
  });
  upload.on('error', () => undefined);
  upload.write(Buffer.alloc(50_000, 1));
  // Time for the server to read the headers and start on the body.
  await new Promise((resolve) => setTimeout(resolve, 300));
  try {
    return await during();
  } finally {
    upload.destroy();
  }
}

const auth = (s: WebDavServer) => `Basic ${Buffer.from(`${s.username}:${s.password}`).toString('base64')}`;

/** [what is asked, how, what each server answers] */
const ROWS: Array<[string, (p: Probe) => Promise<string | number>, Record<WebDavKind, string | number>]> = [
  [
    'PUT into a missing folder',
    async (p) => (await p.send('PUT', `${p.folder}no/f.txt`, { body: 'x' })).status,
    { rclone: 404, apache: 409 },
  ],
  [
    'MKCOL of a folder that exists',
    async (p) => (await p.send('MKCOL', p.folder)).status,
    { rclone: 201, apache: 405 },
  ],
  [
    'PROPFIND (Depth: 1) of a missing folder',
    async (p) => (await p.send('PROPFIND', `${p.folder}no/`, { headers: { Depth: '1' } })).status,
    { rclone: 404, apache: 404 },
  ],
  [
    'PROPFIND with Depth: infinity (or no Depth)',
    async (p) => (await p.send('PROPFIND', p.folder, { headers: { Depth: 'infinity' } })).status,
    { rclone: 207, apache: 403 },
  ],
  [
    'DELETE of a folder named without its final slash',
    async (p) => {
      const reply = await p.send('DELETE', p.folder.slice(0, -1));
      return reply.status === 301 ? `301 to ${new URL(reply.headers.get('Location') ?? '').pathname}` : reply.status;
    },
    // Apache's mod_dir sends it on to the slash, in the server's own origin (ServerName).
    { rclone: 204, apache: '301 to /$folder' },
  ],
  [
    'DELETE of a missing file',
    async (p) => (await p.send('DELETE', `${p.folder}no.txt`)).status,
    { rclone: 404, apache: 404 },
  ],
  [
    'ETag in the answer to a PUT',
    async (p) => etagKind((await p.send('PUT', `${p.folder}f.txt`, { body: 'x' })).headers.get('ETag')),
    { rclone: 'strong', apache: 'none' },
  ],
  [
    'ETag of a file in the second it was written',
    async (p) => {
      await p.send('PUT', `${p.folder}f.txt`, { body: 'x' });
      return etagKind((await p.send('GET', `${p.folder}f.txt`)).headers.get('ETag'));
    },
    // A weak ETag never satisfies If-Match, which compares strongly: Apache then answers 412.
    { rclone: 'strong', apache: 'weak' },
  ],
  [
    'PUT with If-None-Match: * over a file that exists',
    async (p) => {
      await p.send('PUT', `${p.folder}f.txt`, { body: 'x' });
      return (await p.send('PUT', `${p.folder}f.txt`, { body: 'y', headers: { 'If-None-Match': '*' } })).status;
    },
    // rclone ignores the condition and overwrites: no conditional create on it.
    { rclone: 201, apache: 412 },
  ],
  [
    'PUT while another upload of the same file is in progress',
    async (p) => {
      await p.send('PUT', `${p.folder}f.txt`, { body: 'x' });
      return duringUpload(p, async () => (await p.send('PUT', `${p.folder}f.txt`, { body: 'y' })).status);
    },
    // rclone holds the file while an upload runs (and while it finishes a cut one): issue 14's 423.
    { rclone: 423, apache: 204 },
  ],
  [
    'PUT of a file another client has LOCKed',
    async (p) => {
      await p.send('PUT', `${p.folder}f.txt`, { body: 'x' });
      const lock = await p.send('LOCK', `${p.folder}f.txt`, { headers: { Timeout: 'Second-60' }, body: LOCK_BODY });
      expect(lock.headers.get('Lock-Token')).toBeTruthy();
      return (await p.send('PUT', `${p.folder}f.txt`, { body: 'y' })).status;
    },
    { rclone: 423, apache: 423 },
  ],
];

for (const kind of WEBDAV_KINDS) {
  const missing = webDavMissing(kind);
  describe.skipIf(missing)(`what ${kind} answers where WebDAV servers differ${missing ? ` (${missing})` : ''}`, () => {
    let server: WebDavServer;
    let rows = 0;
    beforeAll(async () => {
      server = await startWebDav(kind);
    });
    afterAll(async () => {
      await server?.stop();
    });

    test.each(ROWS)('%s', async (_what, ask, answers) => {
      const folder = `row${++rows}/`;
      const send: Probe['send'] = async (method, path, init = {}) => {
        const reply = await fetch(new URL(path, server.url), {
          method,
          headers: { Authorization: auth(server), ...init.headers },
          body: init.body,
          redirect: 'manual',
        });
        await reply.arrayBuffer();
        return reply;
      };
      expect((await send('MKCOL', folder)).status).toBe(201);
      const expected = answers[kind];
      expect(await ask({ server, folder, send })).toBe(
        typeof expected === 'string' ? expected.replace('$folder', folder) : expected,
      );
    });
  });
}
