import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { PASS, randomFaults, startFaultProxy, type FaultAction, type FaultProxy } from '@/tests/support/fault-proxy';
import { startApacheWebDav } from '@/tests/support/apache-webdav';
import { WEBDAV_KINDS, startWebDav, webDavMissing } from '@/tests/support/webdav-kinds';
import type { WebDavServer } from '@/tests/support/webdav-server';
import { RemoteError } from './remote-store';
import { createWebDavRemote, testConnection, type Traffic, type WebDavConfig } from './webdav-remote';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array | null) => (data ? new TextDecoder().decode(data) : null);

/** Rejects with a RemoteError: returns it so a test can look at kind and message. */
async function remoteError(promise: Promise<unknown>): Promise<RemoteError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RemoteError);
  return error as RemoteError;
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

for (const kind of WEBDAV_KINDS) {
  const missing = webDavMissing(kind);
  describe.skipIf(missing)(`WebDAV remote against ${kind}${missing ? ` (${missing})` : ''}`, () => {
    let server: WebDavServer;
    let folderCount = 0;
    /** Each test gets its own sync folder, so tests never see each other's files. */
    const config = (extra: Partial<WebDavConfig> = {}): WebDavConfig => ({
      url: server.url,
      username: server.username,
      password: server.password,
      folder: `t${++folderCount}/Margin`,
      ...extra,
    });
    const onDisk = (cfg: WebDavConfig, path: string) => join(server.dir, cfg.folder, path);

    beforeAll(async () => {
      server = await startWebDav(kind);
    });
    afterAll(async () => {
      await server?.stop();
    });

    describe('round trips', () => {
      test('put creates nested folders; get, list and remove see the files', async () => {
        const cfg = config();
        const store = createWebDavRemote(cfg);
        await store.put('changes/device-a/00000001.json', bytes('{"n":1}'));
        await store.put('changes/device-a/00000002.json', bytes('{"n":2}'));
        await store.put('changes/device-b/00000001.json', bytes('{"b":true}'));
        await store.put('head.json', bytes('{}'));

        expect(text(await store.get('changes/device-a/00000002.json'))).toBe('{"n":2}');
        expect(readFileSync(onDisk(cfg, 'changes/device-b/00000001.json'), 'utf8')).toBe('{"b":true}');

        const sortByName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
        expect((await store.list('')).sort(sortByName)).toEqual([
          { name: 'changes', type: 'directory', size: 0 },
          { name: 'head.json', type: 'file', size: 2 },
        ]);
        expect((await store.list('changes')).map((e) => [e.name, e.type]).sort()).toEqual([
          ['device-a', 'directory'],
          ['device-b', 'directory'],
        ]);
        expect((await store.list('/changes/device-a/')).sort(sortByName)).toEqual([
          { name: '00000001.json', type: 'file', size: 7 },
          { name: '00000002.json', type: 'file', size: 7 },
        ]);

        await store.remove('changes/device-a/00000001.json');
        expect(await store.get('changes/device-a/00000001.json')).toBeNull();
        await store.remove('changes');
        expect(await store.list('changes')).toEqual([]);
        expect(await store.list('')).toEqual([{ name: 'head.json', type: 'file', size: 2 }]);
      });

      test('binary bytes come back exactly, and a put replaces the file', async () => {
        const store = createWebDavRemote(config());
        const every = Uint8Array.from({ length: 256 }, (_, i) => i);
        const big = new Uint8Array(200_000);
        for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 251;
        await store.put('blobs/every-byte.bin', every);
        await store.put('blobs/big.bin', big);
        expect(await store.get('blobs/every-byte.bin')).toEqual(every);
        // Buffer comparison: a deep toEqual over 200 000 elements takes a second.
        expect(Buffer.from((await store.get('blobs/big.bin')) ?? []).equals(big)).toBe(true);

        await store.put('blobs/every-byte.bin', bytes('short'));
        expect(text(await store.get('blobs/every-byte.bin'))).toBe('short');
      });

      test('names with spaces, accents and URL characters survive the trip and the listing', async () => {
        const cfg = config({ folder: `t${++folderCount}/Apps/Margin sync é` });
        const store = createWebDavRemote(cfg);
        const name = 'ça va? 100% #1 & a+b.json';
        await store.put(`dir with space/${name}`, bytes('x'));
        expect(readFileSync(onDisk(cfg, `dir with space/${name}`), 'utf8')).toBe('x');
        expect(await store.list('dir with space')).toEqual([{ name, type: 'file', size: 1 }]);
        expect(text(await store.get(`dir with space/${name}`))).toBe('x');
      });

      test('missing things: get → null, list → [], remove → ok', async () => {
        const store = createWebDavRemote(config());
        expect(await store.get('nope.json')).toBeNull();
        expect(await store.get('no/such/folder/file.json')).toBeNull();
        expect(await store.list('')).toEqual([]); // the sync folder itself is not there yet
        expect(await store.list('no/such')).toEqual([]);
        await expect(store.remove('nope.json')).resolves.toBeUndefined();
        await expect(store.remove('no/such/folder')).resolves.toBeUndefined();
      });

      test('paths that would leave the sync folder are refused before any request', async () => {
        const store = createWebDavRemote(config());
        await expect(store.put('../escape.json', bytes('x'))).rejects.toThrow(RangeError);
        await expect(store.get('a/./b')).rejects.toThrow(RangeError);
        // Without a sync folder, remove('') would be the user's whole WebDAV space.
        await expect(createWebDavRemote(config({ folder: '' })).remove('/')).rejects.toThrow(RangeError);
      });
    });

    describe('failures', () => {
      test('a wrong password is unauthorized (401) everywhere, and the password is never in the message', async () => {
        const password = 'not-the-password-7f3a';
        const store = createWebDavRemote(config({ password }));
        const calls = [
          () => store.list(''),
          () => store.get('a'),
          () => store.put('a/b', bytes('x')),
          () => store.remove('a'),
        ];
        for (const call of calls) {
          const error = await remoteError(call());
          expect(error.kind).toBe('unauthorized');
          expect(error.status).toBe(401);
          expect(error.message).toBe('Wrong user name or password (401).');
          expect(error.message + JSON.stringify(error)).not.toContain(password);
        }
      });

      test('a closed port is unreachable', async () => {
        const store = createWebDavRemote(config({ url: `http://127.0.0.1:${await closedPort()}/` }));
        const error = await remoteError(store.list(''));
        expect(error.kind).toBe('unreachable');
        expect(error.message).toBe('Could not reach the server. Check the address and your internet connection.');
      });

      test('an address that is not http(s) is refused in plain language', async () => {
        expect(() => createWebDavRemote(config({ url: 'ftp://example.org/' }))).toThrow(/not a valid server address/);
        expect(await testConnection(config({ url: 'cloud.example.org' }))).toMatchObject({
          ok: false,
          kind: 'unreachable',
        });
      });

      test('credentials written into the address are dropped from it, never shown', async () => {
        const port = await closedPort();
        const error = await remoteError(
          createWebDavRemote(config({ url: `http://ana:s3cret@127.0.0.1:${port}/` })).list(''),
        );
        expect(error.message + String((error as { cause?: unknown }).cause)).not.toContain('s3cret');
      });
    });

    describe('testConnection', () => {
      test('ok: creates the folder and leaves no probe file behind', async () => {
        const cfg = config();
        expect(await testConnection(cfg)).toEqual({ ok: true });
        expect(readdirSync(join(server.dir, cfg.folder))).toEqual([]);
      });

      test('closed port → unreachable', async () => {
        expect(await testConnection(config({ url: `http://127.0.0.1:${await closedPort()}/` }))).toEqual({
          ok: false,
          kind: 'unreachable',
          message: 'Could not reach the server. Check the address and your internet connection.',
        });
      });

      test('wrong password → 401', async () => {
        expect(await testConnection(config({ password: 'wrong' }))).toEqual({
          ok: false,
          kind: 'unauthorized',
          message: 'Wrong user name or password (401).',
        });
      });

      test('an address below which nothing exists → 404', async () => {
        expect(await testConnection(config({ url: `${server.url}no/such/place/` }))).toEqual({
          ok: false,
          kind: 'not-found',
          message: 'The server has no folder at this address (404). Check the address.',
        });
      });

      test('a web server that is not WebDAV is named as such', async () => {
        const site = createHttpServer((_req, res) => res.end('<html>hello</html>'));
        try {
          expect(await testConnection(config({ url: await listen(site) }))).toEqual({
            ok: false,
            kind: 'bad-response',
            message: 'This address does not answer like a WebDAV server (200).',
          });
        } finally {
          site.close();
        }
      });
    });

    describe('through the fault proxy', () => {
      let proxy: FaultProxy;
      beforeAll(async () => {
        proxy = await startFaultProxy(server.url, { seed: 42 });
      });
      afterEach(() => proxy.setSchedule(() => PASS));
      afterAll(async () => {
        await proxy?.stop();
      });
      const viaProxy = (extra: Partial<WebDavConfig> = {}) => config({ url: proxy.url, ...extra });
      /** Faults only the given method; everything else passes. */
      const onMethod = (method: string, action: FaultAction) => () => (req: { method: string }) =>
        req.method === method ? action : PASS;

      test.each([
        [403, 'forbidden', 'The server does not allow this account to use the sync folder (403).'],
        [500, 'server', 'The server had a problem (500). Try again later.'],
        [503, 'server', 'The server had a problem (503). Try again later.'],
        [507, 'full', 'The server is out of storage space (507).'],
      ] as const)('testConnection when a PUT gets %i', async (status, kind, message) => {
        proxy.setSchedule(onMethod('PUT', { kind: 'status', status })());
        expect(await testConnection(viaProxy())).toEqual({ ok: false, kind, message });
      });

      test('503 on the first request is reported the same way', async () => {
        proxy.setSchedule(() => ({ kind: 'status', status: 503 }));
        expect(await testConnection(viaProxy())).toMatchObject({ ok: false, kind: 'server' });
        const error = await remoteError(createWebDavRemote(viaProxy()).get('x'));
        expect([error.kind, error.status]).toEqual(['server', 503]);
      });

      test('a file locked for a moment (423, then 429) is retried and the write lands', async () => {
        const cfg = viaProxy({ retryDelaysMs: [20, 20, 20] });
        const store = createWebDavRemote(cfg);
        await store.put('first.txt', bytes('makes the folder'));
        let puts = 0;
        proxy.setSchedule((req) => {
          if (req.method !== 'PUT') return PASS;
          puts++;
          return puts === 1 ? { kind: 'status', status: 423 } : puts === 2 ? { kind: 'status', status: 429 } : PASS;
        });
        await store.put('locked.txt', bytes('after the lock'));
        expect(puts).toBe(3);
        expect(readFileSync(onDisk(cfg, 'locked.txt'), 'utf8')).toBe('after the lock');
      });

      test('a lock that outlasts the retries stops with a plain "will try again", for every verb', async () => {
        const store = createWebDavRemote(viaProxy({ retryDelaysMs: [10, 10] }));
        proxy.setSchedule(() => ({ kind: 'status', status: 423 }));
        const before = proxy.stats.requests;
        const error = await remoteError(store.put('f.txt', bytes('x')));
        expect(proxy.stats.requests - before).toBe(3);
        expect([error.kind, error.status, error.message]).toEqual([
          'locked',
          423,
          'A file in the sync folder is locked on the server (423), usually by an upload still in progress. Margin will try again at the next sync.',
        ]);
        for (const call of [store.get('f.txt'), store.list(''), store.remove('f.txt')])
          expect((await remoteError(call)).kind).toBe('locked');
      });

      describe('redirects', () => {
        /** A host that takes whatever it is sent, as an attacker's or a stale server's would. */
        let elsewhere: Server;
        let elsewhereUrl: string;
        const received: string[] = [];
        beforeAll(async () => {
          elsewhere = createHttpServer((req, res) => {
            const chunks: Buffer[] = [];
            req.on('data', (c: Buffer) => chunks.push(c));
            req.on('end', () => {
              received.push(
                `${req.method} ${req.url} ${Buffer.concat(chunks).toString()} auth=${req.headers.authorization ? 'yes' : 'no'}`,
              );
              res.writeHead(req.method === 'PUT' ? 201 : 200, { 'Content-Type': 'text/plain' });
              res.end('ok');
            });
          });
          elsewhereUrl = await listen(elsewhere);
        });
        afterAll(() => new Promise<void>((resolve) => elsewhere.close(() => resolve())));

        test.each([307, 308, 301] as const)(
          'a %i to another origin: the write is refused in plain words, and nothing reaches that host',
          async (status) => {
            received.length = 0;
            const cfg = viaProxy();
            const store = createWebDavRemote(cfg);
            proxy.setSchedule((req) =>
              req.method === 'PUT' ? { kind: 'redirect', status, location: `${elsewhereUrl}stolen${req.path}` } : PASS,
            );
            const error = await remoteError(store.put('note.json', bytes('private note')));
            expect([error.kind, error.message]).toEqual([
              'redirected',
              'The server sent Margin on to another address. Margin does not follow it, so your notes only ever go to the server you chose. If the server has moved, enter its new address.',
            ]);
            expect(received).toEqual([]);
            expect(existsSync(onDisk(cfg, 'note.json'))).toBe(false);
            // Reads too: another host's answer is never taken for the folder's file.
            proxy.setSchedule(() => ({ kind: 'redirect', status, location: `${elsewhereUrl}x` }));
            expect((await remoteError(store.get('note.json'))).kind).toBe('redirected');
            expect(received).toEqual([]);
          },
        );

        test('a redirect within the server itself is followed, body and method kept', async () => {
          const cfg = viaProxy();
          const store = createWebDavRemote(cfg);
          await store.put('first.txt', bytes('makes the folder'));
          let redirected = 0;
          proxy.setSchedule((req) => {
            if (req.method !== 'PUT' || redirected++ > 0) return PASS;
            return { kind: 'redirect', status: 308, location: req.path }; // same place, as a load balancer's bounce would
          });
          await store.put('moved.txt', bytes('kept'));
          expect(readFileSync(onDisk(cfg, 'moved.txt'), 'utf8')).toBe('kept');
          expect(proxy.stats.log.slice(-2).map((e) => `${e.method} ${e.action}`)).toEqual([
            'PUT redirect:308',
            'PUT pass',
          ]);
        });

        test('a redirect loop within the server ends with an error, not a hang', async () => {
          proxy.setSchedule((req) => ({ kind: 'redirect', status: 307, location: req.path }));
          const error = await remoteError(createWebDavRemote(viaProxy()).get('loop.txt'));
          expect([error.kind, error.message]).toEqual([
            'bad-response',
            'The server keeps redirecting the same request.',
          ]);
        });
      });

      test('an upload cut before the server saw it: unreachable, nothing stored', async () => {
        const cfg = viaProxy();
        const store = createWebDavRemote(cfg);
        await store.put('f.bin', bytes('old'));
        proxy.setSchedule(onMethod('PUT', { kind: 'cut-upload', server: 'none' })());
        expect((await remoteError(store.put('f.bin', new Uint8Array(100_000).fill(1)))).kind).toBe('unreachable');
        await proxy.idle();
        expect(readFileSync(onDisk(cfg, 'f.bin'), 'utf8')).toBe('old');
      });

      /**
       * Bytes left at f.bin (the old file has 3) after the connection drops mid-upload
       * ('aborted') or the body ends early in a request that looked complete ('truncated').
       * rclone writes in place and keeps what came; Apache writes a temporary file and
       * renames it only when the whole body arrived. A short but well-formed body is
       * stored by any server.
       */
      const cutLeftover = { rclone: { aborted: 50_000, truncated: 50_000 }, apache: { aborted: 3, truncated: 50_000 } }[
        kind
      ];
      test(`an upload cut with the server holding half: ${kind} leaves ${cutLeftover.aborted === 3 ? 'the old file' : 'the truncated one'} when the connection drops`, async () => {
        for (const server of ['aborted', 'truncated'] as const) {
          const cfg = viaProxy();
          const store = createWebDavRemote(cfg);
          await store.put('f.bin', bytes('old'));
          proxy.setSchedule(onMethod('PUT', { kind: 'cut-upload', server })());
          expect((await remoteError(store.put('f.bin', new Uint8Array(100_000).fill(1)))).kind).toBe('unreachable');
          await proxy.idle();
          proxy.setSchedule(() => PASS);
          // The server may go on writing after the proxy's side of the connection is gone;
          // it is done when no temporary file is left beside f.bin.
          await vi.waitFor(
            () => {
              expect(readdirSync(onDisk(cfg, ''))).toEqual(['f.bin']);
              expect(statSync(onDisk(cfg, 'f.bin')).size).toBe(cutLeftover[server]);
            },
            { timeout: 5_000 },
          );
          // The engine must not trust a file's presence as proof it is whole.
          expect((await store.get('f.bin'))?.length).toBe(cutLeftover[server]);
        }
      });

      test('an answer cut mid-download: unreachable for get and list; the bytes that came are counted', async () => {
        const traffic: Traffic = { sent: 0, received: 0 };
        const store = createWebDavRemote(viaProxy({ traffic }));
        await store.put('a/f.bin', new Uint8Array(10_000).fill(7));
        proxy.setSchedule(() => ({ kind: 'cut-download' }));
        const before = traffic.received;
        expect((await remoteError(store.get('a/f.bin'))).kind).toBe('unreachable');
        expect(traffic.received - before).toBe(5_000);
        expect((await remoteError(store.list('a'))).kind).toBe('unreachable');
      });

      test('a PUT whose answer is lost: the client sees unreachable but the server stored the file', async () => {
        const store = createWebDavRemote(viaProxy());
        await store.put('a/keep.txt', bytes('first'));
        proxy.setSchedule(onMethod('PUT', { kind: 'cut-download' })());
        expect((await remoteError(store.put('a/keep.txt', bytes('second')))).kind).toBe('unreachable');
        proxy.setSchedule(() => PASS);
        expect(text(await store.get('a/keep.txt'))).toBe('second');
      });

      test('a server slower than the timeout is unreachable, in plain language', async () => {
        proxy.setSchedule(() => ({ kind: 'slow', ms: 1_000 }));
        const error = await remoteError(createWebDavRemote(viaProxy({ timeoutMs: 200 })).list(''));
        expect([error.kind, error.message]).toEqual([
          'unreachable',
          'The server did not answer in time. Try again later.',
        ]);
        await proxy.idle();
      });

      test('the same seed replays the same faults', async () => {
        const runs: string[][] = [];
        for (let run = 0; run < 2; run++) {
          const p = await startFaultProxy(server.url, { seed: 7 });
          p.setSchedule(
            randomFaults([
              [PASS, 3],
              [{ kind: 'status', status: 503 }, 1],
              [{ kind: 'cut-download' }, 1],
            ]),
          );
          const store = createWebDavRemote(config({ url: p.url, folder: `seeded${run}` }));
          for (let i = 0; i < 12; i++) {
            await store.put(`f${i}`, bytes(String(i))).catch(() => undefined);
          }
          runs.push(p.stats.log.map((entry) => `${entry.method} ${entry.action}`));
          await p.idle();
          await p.stop();
        }
        expect(runs[0]).toEqual(runs[1]);
        expect(new Set(runs[0])).toContain('PUT status:503');
      });
    });

    describe('traffic', () => {
      test('counts every body byte sent and received, PROPFIND XML included', async () => {
        let rawReceived = 0;
        const measuringFetch: typeof fetch = async (input, init) => {
          const response = await fetch(input, init);
          rawReceived += (await response.clone().arrayBuffer()).byteLength;
          return response;
        };
        const traffic: Traffic = { sent: 0, received: 0 };
        const store = createWebDavRemote(config({ traffic, fetch: measuringFetch }));

        await store.put('x/a.bin', new Uint8Array(1_000)); // PUT (404 or 409: no folder), MKCOL ×3, PUT
        expect(traffic.sent).toBe(2_000);
        const sentBefore = traffic.sent;
        const receivedBefore = traffic.received;
        await store.put('x/b.bin', new Uint8Array(3_000));
        expect(traffic.sent - sentBefore).toBe(3_000);

        expect((await store.get('x/b.bin'))?.length).toBe(3_000);
        expect(traffic.received - receivedBefore).toBeGreaterThanOrEqual(3_000);
        const beforeList = traffic.received;
        await store.list('x');
        expect(traffic.received - beforeList).toBeGreaterThan(200); // the multistatus XML
        expect(traffic.received).toBe(rawReceived);
      });
    });
  });
}

const apacheSkip = !WEBDAV_KINDS.includes('apache')
  ? 'skipped: MARGIN_WEBDAV leaves Apache out'
  : webDavMissing('apache');
describe.skipIf(apacheSkip)(
  `Apache sends a folder named without its final slash on to the slash (mod_dir)${apacheSkip ? ` (${apacheSkip})` : ''}`,
  () => {
    let server: WebDavServer;
    beforeAll(async () => {
      // As behind a reverse proxy that ends TLS: Apache builds its redirects from ServerName,
      // so they name https (or the proxy's host), not the address Margin was given.
      server = await startApacheWebDav({ extraConfig: ['ServerName https://127.0.0.1'] });
    });
    afterAll(async () => {
      await server?.stop();
    });

    /** Compaction removes an old snapshot's folder by its name, without a slash. */
    async function removeSnapshotFolder(fetchFn?: typeof fetch) {
      const folder = `Margin${++folderCount}`;
      const store = createWebDavRemote({
        url: server.url,
        username: server.username,
        password: server.password,
        folder,
        fetch: fetchFn,
      });
      await store.put('snapshots/old/part-1.json', bytes('{}'));
      await store.remove('snapshots/old');
      expect(existsSync(join(server.dir, folder, 'snapshots/old'))).toBe(false);
      expect(await store.list('snapshots')).toEqual([]);
    }
    let folderCount = 0;

    // Both failed before remove() retried "path/" when "path" was redirected: compaction's
    // remove of an old snapshot then failed the sync on Apache.
    test('behind a TLS proxy, removing a folder works although the redirect names https', async () => {
      await removeSnapshotFolder();
    });

    test('in a browser, where fetch hands back every redirect as opaque, removing a folder works', async () => {
      // `redirect: 'manual'` in a browser: type 'opaqueredirect', status 0, no Location.
      const browserFetch: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        if (init?.redirect !== 'manual' || response.status < 300 || response.status >= 400) return response;
        await response.arrayBuffer();
        return { type: 'opaqueredirect', status: 0, headers: new Headers(), body: null } as unknown as Response;
      };
      await removeSnapshotFolder(browserFetch);
    });
  },
);

describe('failures only a browser or a certificate can cause', () => {
  const base: WebDavConfig = { url: 'https://dav.example.org/', username: 'ana', password: 'pw', folder: 'Margin' };

  test('a fetch TypeError while the server answers no-cors requests is CORS', async () => {
    const fakeFetch: typeof fetch = async (_input, init) => {
      if (init?.mode === 'no-cors') return { type: 'opaque' } as Response;
      throw new TypeError('Failed to fetch');
    };
    expect(await testConnection({ ...base, fetch: fakeFetch })).toEqual({
      ok: false,
      kind: 'cors',
      message:
        'The server refused to answer the browser extension (CORS): its settings must allow requests from extensions.',
    });
  });

  test('a fetch TypeError with the server silent even to no-cors is unreachable', async () => {
    const fakeFetch: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await testConnection({ ...base, fetch: fakeFetch })).toMatchObject({ ok: false, kind: 'unreachable' });
  });

  const openssl = ['/usr/bin/openssl', '/bin/openssl'].find((p) => existsSync(p));
  const noOpenssl = openssl || process.env.CI ? null : 'skipped: openssl is missing (sudo apt-get install openssl)';
  test.skipIf(noOpenssl)(`a self-signed certificate is tls${noOpenssl ? ` (${noOpenssl})` : ''}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'margin-tls-'));
    try {
      execFileSync(
        openssl ?? 'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
          '-days',
          '1',
          '-subj',
          '/CN=127.0.0.1',
        ],
        { stdio: 'ignore' },
      );
      const https = createHttpsServer(
        { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
        (_req, res) => res.end(),
      );
      await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
      try {
        const url = `https://127.0.0.1:${(https.address() as AddressInfo).port}/`;
        expect(await testConnection({ ...base, url })).toEqual({
          ok: false,
          kind: 'tls',
          message: "The server's security certificate is not valid, so the connection was refused.",
        });
      } finally {
        https.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
