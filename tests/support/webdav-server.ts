/**
 * A real WebDAV server for the sync tests: `rclone serve webdav` on 127.0.0.1,
 * serving a fresh temporary folder with Basic authentication. A fake server would
 * only agree with our own reading of the protocol; rclone has its own quirks (it
 * answers 404 to a PUT into a missing folder, 201 to MKCOL of an existing one, and
 * keeps a truncated file when an upload is cut), which is the point.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const RCLONE = '/usr/bin/rclone';

/**
 * Why the WebDAV suites cannot run here, or null. On CI a missing rclone is a
 * failure (the suite runs and fails to start the server); elsewhere a visible skip.
 */
export const rcloneMissing: string | null =
  existsSync(RCLONE) || process.env.CI ? null : `skipped: ${RCLONE} is missing (sudo apt-get install rclone)`;

/** The real WebDAV servers the tests know how to start (`webdav-kinds.ts` picks among them). */
export type WebDavKind = 'rclone' | 'apache';

export interface WebDavServer {
  kind: WebDavKind;
  /** Ends in `/`. */
  url: string;
  username: string;
  password: string;
  /** The folder on disk that the server serves. */
  dir: string;
  stop(): Promise<void>;
}

export interface WebDavServerOptions {
  username?: string;
  password?: string;
  /** How long to wait for the server to answer. */
  startTimeoutMs?: number;
}

export async function startWebDavServer(opts: WebDavServerOptions = {}): Promise<WebDavServer> {
  const username = opts.username ?? 'margin';
  const password = opts.password ?? 'correct horse battery staple';
  const dir = await mkdtemp(join(tmpdir(), 'margin-webdav-'));
  // Port 0: the kernel picks a free port, so parallel runs never collide; rclone
  // logs the address it got.
  const child = spawn(
    RCLONE,
    [
      'serve',
      'webdav',
      dir,
      '--addr',
      '127.0.0.1:0',
      '--user',
      username,
      '--pass',
      password,
      // The user's own rclone.conf must not change what the tests see.
      '--config',
      '/dev/null',
      // Tests may look at or change `dir` directly: no stale listings.
      '--dir-cache-time',
      '0s',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );

  let log = '';
  // 'error' alone when the binary cannot be spawned; 'exit' once it ran.
  const ended = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const exited = new Promise<never>((_, reject) => {
    child.once('error', (e) => reject(new Error(`could not start ${RCLONE}: ${e.message}`)));
    child.once('exit', (code) => reject(new Error(`rclone exited (${code}) before serving:\n${log}`)));
  });
  const address = new Promise<string>((resolve) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const match = /WebDav Server started on \[?(http:\/\/127\.0\.0\.1:\d+\/)/.exec(log);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });

  const stop = async () => {
    child.kill('SIGTERM');
    await ended;
    await rm(dir, { recursive: true, force: true });
  };

  try {
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error(`rclone did not serve within ${opts.startTimeoutMs ?? 15_000} ms:\n${log}`)),
        opts.startTimeoutMs ?? 15_000,
      ).unref(),
    );
    const url = await Promise.race([address, exited, timeout]);
    exited.catch(() => undefined); // a later exit is stop()'s business
    await waitUntilAnswering(url, Promise.race([exited, timeout]));
    return { kind: 'rclone', url, username, password, dir, stop };
  } catch (error) {
    exited.catch(() => undefined);
    await stop();
    throw error;
  }
}

/**
 * Asks until the server answers (rclone logs its address just before it listens).
 * `isOurs` tells the server from another process that took its port meanwhile.
 */
export async function waitUntilAnswering(
  url: string,
  giveUp: Promise<never>,
  isOurs: (answer: Response) => boolean = () => true,
): Promise<void> {
  let stopped = false;
  giveUp.catch(() => (stopped = true));
  while (!stopped) {
    try {
      // Raced with giveUp, and bounded: a squatter on the port may accept and never answer.
      const response = await Promise.race([
        fetch(url, { method: 'OPTIONS', signal: AbortSignal.timeout(2_000) }),
        giveUp,
      ]);
      await response.arrayBuffer();
      if (isOurs(response)) return;
    } catch {
      if (stopped) break;
    }
    await Promise.race([new Promise((r) => setTimeout(r, 50)), giveUp]);
  }
  await giveUp;
}
