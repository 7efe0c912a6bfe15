import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import { describe, expect, test } from 'vitest';
import { apacheMissing, startApacheWebDav } from './apache-webdav';
import { WEBDAV_KINDS } from './webdav-kinds';

const skip = WEBDAV_KINDS.includes('apache') ? apacheMissing : 'skipped: MARGIN_WEBDAV leaves Apache out';

/** Command lines of running apache2 processes that serve `dir`'s config. */
function processesOf(dir: string): string[] {
  const ps = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return ps.split('\n').filter((line) => line.includes('apache2') && line.includes(dirname(dir)));
}

describe.skipIf(skip)(`the Apache test server${skip ? ` (${skip})` : ''}`, () => {
  test('serves WebDAV behind Basic auth, and stop() leaves no process and no folder', async () => {
    const server = await startApacheWebDav();
    const auth = `Basic ${Buffer.from(`${server.username}:${server.password}`).toString('base64')}`;
    expect((await fetch(server.url, { method: 'PROPFIND', headers: { Depth: '0' } })).status).toBe(401);
    expect((await fetch(server.url, { method: 'PROPFIND', headers: { Depth: '0', Authorization: auth } })).status).toBe(
      207,
    );
    // The parent and at least one child (the event MPM's worker).
    expect(processesOf(server.dir).length).toBeGreaterThanOrEqual(2);
    await server.stop();
    expect(processesOf(server.dir)).toEqual([]);
    expect(existsSync(dirname(server.dir))).toBe(false);
  });

  test('a port taken between the probe and Apache is retried on another', async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const taken = (squatter.address() as { port: number }).port;
    const tried: number[] = [];
    const spare = createServer();
    await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
    const free = (spare.address() as { port: number }).port;
    await new Promise<void>((resolve) => spare.close(() => resolve()));
    try {
      const server = await startApacheWebDav({
        pickPort: async () => (tried.push(tried.length ? free : taken), tried.at(-1)!),
      });
      try {
        expect(tried).toEqual([taken, free]);
        expect(server.url).toBe(`http://127.0.0.1:${free}/`);
      } finally {
        await server.stop();
      }
    } finally {
      squatter.close();
    }
  });
});
