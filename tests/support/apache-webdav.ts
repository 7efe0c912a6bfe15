/**
 * A second real WebDAV server for the sync tests: Apache httpd with mod_dav, started
 * as its own process on 127.0.0.1 with a generated config (never the system's), Basic
 * authentication and a fresh temporary folder. Apache is the reference implementation
 * of RFC 4918 and differs from rclone where it counts: 409 for a PUT into a missing
 * folder, 405 for MKCOL of an existing one, ETags, locks, and a cut upload leaves the
 * old file in place instead of a truncated one.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { waitUntilAnswering, type WebDavServer, type WebDavServerOptions } from './webdav-server';

export const APACHE = '/usr/sbin/apache2';
const HTPASSWD = '/usr/bin/htpasswd';
const MODULES = '/usr/lib/apache2/modules';

/**
 * Why the Apache suites cannot run here, or null. On CI a missing Apache is a failure
 * (the suite runs and fails to start the server); elsewhere a visible skip.
 */
export const apacheMissing: string | null =
  (existsSync(APACHE) && existsSync(HTPASSWD)) || process.env.CI
    ? null
    : `skipped: ${APACHE} is missing (sudo apt-get install apache2 apache2-utils)`;

/** As root Apache must switch to an unprivileged user, and that user must own the folder. */
const RUN_AS = 'www-data';

/** Ports taken between our probe and Apache's bind are retried this many times. */
const PORT_ATTEMPTS = 5;

export interface ApacheOptions extends WebDavServerOptions {
  /** Where the port to try comes from; tests hand it a taken one to see the retry. */
  pickPort?: () => Promise<number>;
  /** Lines added at the end of the config, e.g. a `ServerName https://…` as behind a TLS proxy. */
  extraConfig?: string[];
}

/**
 * Starts `apache2 -f <own config> -DFOREGROUND` serving an empty temporary folder at
 * `http://127.0.0.1:<port>/`; `stop()` ends it (children included) and removes the folder.
 */
export async function startApacheWebDav(opts: ApacheOptions = {}): Promise<WebDavServer> {
  const username = opts.username ?? 'margin';
  const password = opts.password ?? 'correct horse battery staple';
  const root = await mkdtemp(join(tmpdir(), 'margin-apache-'));
  const dir = join(root, 'dav');
  const locks = join(root, 'locks');
  await Promise.all([mkdir(dir), mkdir(locks), mkdir(join(root, 'run'))]);
  // htpasswd's SHA-1 form: bcrypt (-B) costs milliseconds per request, a third of the fault schedules' time.
  execFileSync(HTPASSWD, ['-b', '-c', '-s', join(root, 'htpasswd'), username, password], { stdio: 'ignore' });

  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const { uid, gid } = idsOf(RUN_AS);
    // The children read the password file and write the folder and lock database as RUN_AS.
    await chmod(root, 0o755);
    await chmod(join(root, 'htpasswd'), 0o644);
    await Promise.all([chown(dir, uid, gid), chown(locks, uid, gid)]);
  }

  let lastError: unknown;
  for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
    const port = await (opts.pickPort ?? freePort)();
    const conf = join(root, 'httpd.conf');
    await writeFile(conf, [config({ root, dir, locks, port, asRoot }), ...(opts.extraConfig ?? [])].join('\n'));
    try {
      return await launch(conf, root, port, { username, password, dir }, opts.startTimeoutMs ?? 15_000);
    } catch (error) {
      lastError = error;
      if (!(error instanceof PortTaken)) break;
    }
  }
  await rm(root, { recursive: true, force: true });
  throw lastError;
}

class PortTaken extends Error {}

function idsOf(user: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** Apache cannot listen on port 0 and say which port it got: ask the kernel for one first. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function config({
  root,
  dir,
  locks,
  port,
  asRoot,
}: {
  root: string;
  dir: string;
  locks: string;
  port: number;
  asRoot: boolean;
}): string {
  const modules = [
    'mpm_event',
    'authz_core',
    'authn_core',
    'authn_file',
    'authz_user',
    'auth_basic',
    'dav',
    'dav_fs',
    'dir',
  ];
  return [
    ...modules.map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`),
    `ServerRoot "${root}"`,
    'ServerName 127.0.0.1',
    `Listen 127.0.0.1:${port}`,
    `PidFile "${join(root, 'httpd.pid')}"`,
    `DefaultRuntimeDir "${join(root, 'run')}"`,
    `ErrorLog "${join(root, 'error.log')}"`,
    'LogLevel warn',
    ...(asRoot ? [`User ${RUN_AS}`, `Group ${RUN_AS}`] : []),
    // Few processes: the machine is shared, and the tests need tens of connections at most.
    'StartServers 1',
    'ServerLimit 2',
    'ThreadsPerChild 32',
    'MaxRequestWorkers 64',
    // A client cut mid-upload is noticed when the socket drops; this bounds a silent one.
    'Timeout 10',
    `DocumentRoot "${dir}"`,
    `DavLockDB "${join(locks, 'DavLock')}"`,
    `<Directory "${dir}">`,
    '  Dav On',
    '  AuthType Basic',
    '  AuthName "Margin tests"',
    `  AuthUserFile "${join(root, 'htpasswd')}"`,
    '  Require valid-user',
    '  AllowOverride None',
    '</Directory>',
    '',
  ].join('\n');
}

async function launch(
  conf: string,
  root: string,
  port: number,
  account: { username: string; password: string; dir: string },
  startTimeoutMs: number,
): Promise<WebDavServer> {
  const child = spawn(APACHE, ['-f', conf, '-DFOREGROUND'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const onData = (chunk: Buffer) => (log += chunk.toString());
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  const ended = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const exited = new Promise<never>((_, reject) => {
    child.once('error', (e) => reject(new Error(`could not start ${APACHE}: ${e.message}`)));
    child.once('exit', (code) => {
      // Startup errors go to stderr before ErrorLog is open; later ones to the log file.
      const why = log + readLog(root);
      reject(
        /Address already in use|could not bind/.test(why)
          ? new PortTaken(why)
          : new Error(`apache2 exited (${code}) before serving:\n${why}`),
      );
    });
  });
  exited.catch(() => undefined); // a later exit is stop()'s business

  const stop = async () => {
    // SIGTERM to the parent: it stops its children and waits for them before exiting.
    child.kill('SIGTERM');
    await ended;
    await rm(root, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}/`;
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(
      () => reject(new Error(`apache2 did not serve within ${startTimeoutMs} ms:\n${log}${readLog(root)}`)),
      startTimeoutMs,
    ).unref(),
  );
  try {
    await waitUntilAnswering(
      url,
      Promise.race([exited, timeout]),
      (answer) => answer.headers.get('Server')?.startsWith('Apache') ?? false,
    );
    return { kind: 'apache', url, ...account, stop };
  } catch (error) {
    child.kill('SIGTERM');
    await ended;
    throw error;
  }
}

function readLog(root: string): string {
  try {
    return readFileSync(join(root, 'error.log'), 'utf8');
  } catch {
    return '';
  }
}
