/**
 * The sync folder on a WebDAV server the user owns (Nextcloud, ownCloud, Apache,
 * rclone, a NAS…), as a `RemoteStore`.
 *
 * It speaks the five WebDAV verbs it needs (PROPFIND, GET, PUT, MKCOL, DELETE)
 * over `fetch` itself instead of going through the `webdav` package's client: that
 * client cannot be handed a `fetch` per instance (only a process-wide patch), and
 * the engine needs one per store to count bytes and to be faked in tests. The
 * package's multistatus parser is still used, because it copes with the many
 * dialects of PROPFIND XML and needs no DOMParser (absent in a service worker).
 *
 * Only Basic authentication is sent (over https it is what every server above
 * accepts for app passwords); Digest is not supported.
 */
import { parseXML, prepareFileFromProps } from 'webdav';
import { RemoteError, type RemoteEntry, type RemoteErrorKind, type RemoteStore } from './remote-store';

export interface Traffic {
  /** Request body bytes handed to the network. */
  sent: number;
  /** Response body bytes that arrived, error pages and PROPFIND XML included. */
  received: number;
}

export interface WebDavConfig {
  /** The server's WebDAV address, e.g. https://cloud.example.org/remote.php/dav/files/ana/ */
  url: string;
  username: string;
  password: string;
  /** The sync folder under `url`, e.g. `Margin` or `Apps/Margin`; created on first write. */
  folder: string;
  fetch?: typeof fetch;
  /** Adds every body's bytes to this counter, so the engine can show what a sync cost. */
  traffic?: Traffic;
  /** Per request, body included; a hung server is otherwise a sync that never ends. */
  timeoutMs?: number;
  /** Waits before each retry of a request the server answered 423 Locked or 429; tests shorten them. */
  retryDelaysMs?: readonly number[];
}

export type ConnectionResult = { ok: true } | { ok: false; kind: RemoteErrorKind; message: string };

const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * A lock is transient: Nextcloud answers 423 while an upload of the same file is in
 * progress or its files_lock app holds it, rclone while it still finishes an upload a
 * cut connection left behind. About 7 s in all, then the sync stops with a plain
 * "will try again" and the next one picks up where this one left off.
 */
const DEFAULT_RETRY_DELAYS_MS = [300, 800, 2000, 4000] as const;
const TRANSIENT_STATUSES = new Set([423, 429]);
/** Hops within the server's own origin (e.g. an old path moved); more is a loop. */
const MAX_SAME_ORIGIN_REDIRECTS = 5;

/** Statuses with no body, which a `Response` cannot be rebuilt around. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * `fetch` that adds request and response body sizes to `traffic`. Response bytes
 * are counted as they stream in, so a download cut halfway counts what arrived.
 */
export function countTraffic(fetchFn: typeof fetch, traffic: Traffic): typeof fetch {
  return async (input, init) => {
    traffic.sent += bodySize(init?.body);
    const response = await fetchFn(input, init);
    if (!response.body || NULL_BODY_STATUSES.has(response.status)) return response;
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        traffic.received += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(counter), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

function bodySize(body: BodyInit | null | undefined): number {
  if (body == null) return 0;
  if (typeof body === 'string') return new TextEncoder().encode(body).byteLength;
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return body.byteLength;
  if (body instanceof Blob) return body.size;
  return 0; // streams and forms: this module never sends them
}

// ---------------------------------------------------------------------------
// Plain-language failures. The status is the only HTTP detail a user sees: it is
// what they can quote to whoever runs their server.

const MESSAGES: Record<RemoteErrorKind, (status: string) => string> = {
  unreachable: () => 'Could not reach the server. Check the address and your internet connection.',
  unauthorized: (s) => `Wrong user name or password${s}.`,
  forbidden: (s) => `The server does not allow this account to use the sync folder${s}.`,
  'not-found': (s) => `The server has no folder at this address${s}. Check the address.`,
  full: (s) => `The server is out of storage space${s}.`,
  tls: () => "The server's security certificate is not valid, so the connection was refused.",
  cors: () =>
    'The server refused to answer the browser extension (CORS): its settings must allow requests from extensions.',
  server: (s) => `The server had a problem${s}. Try again later.`,
  locked: (s) =>
    `A file in the sync folder is locked on the server${s}, usually by an upload still in progress. Margin will try again at the next sync.`,
  redirected: () =>
    'The server sent Margin on to another address. Margin does not follow it, so your notes only ever go to the server you chose. If the server has moved, enter its new address.',
  'bad-response': (s) => `The server gave an unexpected answer${s}.`,
};

function failure(kind: RemoteErrorKind, status?: number, message?: string): RemoteError {
  return new RemoteError(kind, message ?? MESSAGES[kind](status === undefined ? '' : ` (${status})`), status);
}

function statusFailure(status: number): RemoteError {
  if (status === 401) return failure('unauthorized', status);
  if (status === 403) return failure('forbidden', status);
  if (status === 404 || status === 410) return failure('not-found', status);
  if (status === 507) return failure('full', status);
  if (TRANSIENT_STATUSES.has(status)) return failure('locked', status);
  if (status >= 500) return failure('server', status);
  return failure('bad-response', status);
}

const NOT_WEBDAV = (status: number) =>
  failure('bad-response', status, `This address does not answer like a WebDAV server (${status}).`);

/** A `code` anywhere down the `cause` chain: Node puts the socket's reason there. */
function causeCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * What a thrown `fetch` means. Browsers say only "TypeError: Failed to fetch" for a
 * refused connection, a bad certificate and a CORS refusal alike. Of those, only
 * CORS leaves the server reachable to an opaque `no-cors` request, so that is the
 * one probe made, and only when no response had arrived yet (a body cut later is a
 * network failure: CORS had already let the response through). TLS problems can
 * only be told apart where the runtime gives an error code (Node); in a browser
 * they read as unreachable.
 */
async function networkFailure(
  error: unknown,
  url: URL,
  fetchFn: typeof fetch,
  beforeResponse: boolean,
): Promise<RemoteError> {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return failure('unreachable', undefined, 'The server did not answer in time. Try again later.');
  }
  const code = causeCode(error);
  let kind: RemoteErrorKind = 'unreachable';
  if (code && /CERT|TLS|SSL/i.test(code)) kind = 'tls';
  else if (!code && beforeResponse && error instanceof TypeError && (await answersOpaquely(url, fetchFn)))
    kind = 'cors';
  const remoteError = failure(kind);
  // For a developer's console only: the original never reaches the UI.
  Object.defineProperty(remoteError, 'cause', { value: error });
  return remoteError;
}

async function answersOpaquely(url: URL, fetchFn: typeof fetch): Promise<boolean> {
  try {
    const probe = await fetchFn(url.origin + '/', {
      mode: 'no-cors',
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(10_000),
    });
    return probe.type === 'opaque';
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------
// Addresses and requests.

interface Reply {
  status: number;
  body: Uint8Array;
}

interface Connection {
  /** The server address, always ending in `/`, without credentials. */
  root: URL;
  /** Folder segments under `root`. */
  folder: string[];
  url(segments: string[], directory: boolean): URL;
  send(method: string, url: URL, options?: { body?: Uint8Array; headers?: Record<string, string> }): Promise<Reply>;
  fetch: typeof fetch;
}

function splitPath(path: string): string[] {
  const segments = path.split('/').filter((s) => s !== '');
  // A caller bug, not a server failure: such a path could escape the sync folder.
  if (segments.some((s) => s === '.' || s === '..')) throw new RangeError(`Invalid sync path: ${path}`);
  return segments;
}

function basicAuth(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

function connect(config: WebDavConfig): Connection {
  let root: URL;
  try {
    root = new URL(config.url.trim());
  } catch {
    throw failure('unreachable', undefined, 'This is not a valid server address (it must start with https://).');
  }
  if (root.protocol !== 'https:' && root.protocol !== 'http:') {
    throw failure('unreachable', undefined, 'This is not a valid server address (it must start with https://).');
  }
  // Credentials in the address would end up in browser error messages; the
  // Authorization header carries them instead.
  root.username = '';
  root.password = '';
  root.search = '';
  root.hash = '';
  if (!root.pathname.endsWith('/')) root.pathname += '/';

  const baseFetch = config.fetch ?? globalThis.fetch.bind(globalThis);
  const fetchFn = config.traffic ? countTraffic(baseFetch, config.traffic) : baseFetch;
  const authorization = basicAuth(config.username, config.password);
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const url = (segments: string[], directory: boolean) =>
    new URL(segments.map(encodeURIComponent).join('/') + (directory && segments.length ? '/' : ''), root);

  const retryDelays = config.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;

  /** One request, retried while the server says the file is locked (423) or asks to slow down (429). */
  async function send(
    method: string,
    target: URL,
    options: { body?: Uint8Array; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    for (let attempt = 0; ; attempt++) {
      const reply = await sendOnce(method, target, options);
      if (!TRANSIENT_STATUSES.has(reply.status) || attempt >= retryDelays.length) return reply;
      await new Promise((resolve) => setTimeout(resolve, retryDelays[attempt]));
    }
  }

  /**
   * One request, following redirects only within the server's origin. `fetch`'s own
   * following would re-send a PUT body to whatever host a 307/308 names, and read that
   * host's 201 as the file being stored. With `manual`, Node hands back the 3xx and its
   * `Location`; a browser hands back an opaque redirect that says nowhere, so there any
   * redirect is refused (Margin always asks for the canonical address of a folder, so a
   * working server has no reason to redirect it).
   */
  async function sendOnce(
    method: string,
    target: URL,
    options: { body?: Uint8Array; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    let at = target;
    for (let hop = 0; ; hop++) {
      const { response, reply } = await exchange(method, at, options);
      if (!response) return reply;
      const location = response.headers.get('Location');
      const next = location === null ? null : parseUrl(location, at);
      if (response.type === 'opaqueredirect' || !next || next.origin !== root.origin) {
        throw failure('redirected', response.status || undefined);
      }
      if (hop >= MAX_SAME_ORIGIN_REDIRECTS)
        throw failure('bad-response', response.status, 'The server keeps redirecting the same request.');
      at = next;
    }
  }

  /** The reply, or the redirect response when the server answered with one. */
  async function exchange(
    method: string,
    target: URL,
    options: { body?: Uint8Array; headers?: Record<string, string> },
  ): Promise<{ response: Response; reply?: undefined } | { response?: undefined; reply: Reply }> {
    let response: Response;
    try {
      response = await fetchFn(target, {
        method,
        headers: { Authorization: authorization, ...options.headers },
        body: options.body as BodyInit | undefined,
        // Cookies from a logged-in web session make Nextcloud demand a CSRF token.
        credentials: 'omit',
        // A cached GET would hand the engine another device's stale file.
        cache: 'no-store',
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'manual',
      });
    } catch (error) {
      throw await networkFailure(error, target, fetchFn, true);
    }
    if (
      response.type === 'opaqueredirect' ||
      (response.status >= 300 && response.status < 400 && response.headers.has('Location'))
    ) {
      await response.body?.cancel().catch(() => undefined);
      return { response };
    }
    try {
      // Always read to the end: it frees the connection and counts the bytes.
      return { reply: { status: response.status, body: new Uint8Array(await response.arrayBuffer()) } };
    } catch (error) {
      throw await networkFailure(error, target, fetchFn, false);
    }
  }

  return { root, folder: splitPath(config.folder), url, send, fetch: fetchFn };
}

function parseUrl(href: string, base: URL): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

const isSuccess = (status: number) => status >= 200 && status < 300;

/** `mkdir -p`, deepest first: in the usual case the parent exists and one MKCOL does. */
async function makeFolders(conn: Connection, segments: string[]): Promise<void> {
  // MKCOL on the server address itself failed: the address is wrong.
  if (segments.length === 0) throw failure('not-found');
  const target = conn.url(segments, true);
  let { status } = await conn.send('MKCOL', target);
  if (status === 409 || status === 404) {
    await makeFolders(conn, segments.slice(0, -1));
    ({ status } = await conn.send('MKCOL', target));
  }
  // 405: the folder is already there (RFC 4918). rclone answers 201 instead.
  if (isSuccess(status) || status === 405) return;
  throw statusFailure(status);
}

const decodeSegment = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** Compares hrefs however the server chose to encode them. */
const normalizePath = (pathname: string) => pathname.split('/').filter(Boolean).map(decodeSegment).join('/');

async function parseListing(xml: string, dirUrl: URL): Promise<RemoteEntry[]> {
  let responses: Awaited<ReturnType<typeof parseXML>>['multistatus']['response'];
  try {
    responses = (await parseXML(xml)).multistatus.response;
  } catch {
    throw failure('bad-response', undefined, "The server's answer could not be read as a WebDAV folder listing.");
  }
  const self = normalizePath(dirUrl.pathname);
  const entries: RemoteEntry[] = [];
  for (const response of responses) {
    const props = response.propstat?.prop;
    if (!props || response.href === undefined) continue;
    const path = normalizePath(new URL(String(response.href), dirUrl).pathname);
    if (path === self) continue;
    const name = path.slice(path.lastIndexOf('/') + 1);
    const stat = prepareFileFromProps(props, name);
    entries.push({ name, type: stat.type, size: Number.isFinite(stat.size) ? stat.size : 0 });
  }
  return entries;
}

function storeOn(conn: Connection): RemoteStore {
  const at = (path: string) => [...conn.folder, ...splitPath(path)];

  return {
    async list(dir) {
      const target = conn.url(at(dir), true);
      // No request body means allprop: asking for named properties gets the
      // missing ones back in a second propstat, which the parser drops or keeps
      // depending on the server's order.
      const reply = await conn.send('PROPFIND', target, { headers: { Depth: '1' } });
      if (reply.status === 404) return [];
      if (reply.status !== 207)
        throw isSuccess(reply.status) || reply.status === 405 ? NOT_WEBDAV(reply.status) : statusFailure(reply.status);
      return parseListing(new TextDecoder().decode(reply.body), target);
    },

    async get(path) {
      const segments = at(path);
      const reply = await conn.send('GET', conn.url(segments, false));
      if (reply.status === 404 || reply.status === 410) return null;
      if (reply.status !== 200) throw statusFailure(reply.status);
      return reply.body;
    },

    async put(path, data) {
      const segments = at(path);
      if (segments.length === conn.folder.length) throw new RangeError('put needs a file path');
      const target = conn.url(segments, false);
      const options = { body: data, headers: { 'Content-Type': 'application/octet-stream' } };
      let { status } = await conn.send('PUT', target, options);
      // A missing parent folder: 409 per RFC 4918, 404 from rclone and others.
      if (status === 409 || status === 404) {
        await makeFolders(conn, segments.slice(0, -1));
        ({ status } = await conn.send('PUT', target, options));
      }
      if (!isSuccess(status)) throw statusFailure(status);
    },

    async remove(path) {
      const segments = at(path);
      // With no sync folder configured, '' is the user's whole WebDAV space.
      if (segments.length === 0) throw new RangeError('remove will not delete the server address itself');
      let reply: Reply;
      try {
        reply = await conn.send('DELETE', conn.url(segments, false));
      } catch (error) {
        // Apache's mod_dir sends a folder named without its final slash on to the slash. In a
        // browser that redirect is opaque, and behind a TLS proxy it names http:// or the
        // proxy's host; either way it is refused. The folder is the same path plus '/', at
        // the address the user gave: delete it there.
        if (!(error instanceof RemoteError && error.kind === 'redirected')) throw error;
        reply = await conn.send('DELETE', conn.url(segments, true));
      }
      if (reply.status === 404 || reply.status === 410) return;
      // 207 means some files inside a folder could not be deleted.
      if (!isSuccess(reply.status) || reply.status === 207) throw statusFailure(reply.status);
    },
  };
}

export function createWebDavRemote(config: WebDavConfig): RemoteStore {
  return storeOn(connect(config));
}

const PROBE_PREFIX = '.margin-connection-test-';

/**
 * What the settings page's "Test connection" runs: the server answers WebDAV, the
 * credentials work, and the sync folder can be created, written, listed, read and
 * deleted (with a small probe file, removed afterwards).
 */
export async function testConnection(config: WebDavConfig): Promise<ConnectionResult> {
  try {
    const conn = connect(config);
    const reply = await conn.send('PROPFIND', conn.root, { headers: { Depth: '0' } });
    if (reply.status !== 207) {
      throw isSuccess(reply.status) || reply.status === 405 ? NOT_WEBDAV(reply.status) : statusFailure(reply.status);
    }
    if (conn.folder.length) await makeFolders(conn, conn.folder);

    const store = storeOn(conn);
    const name = PROBE_PREFIX + Math.random().toString(36).slice(2, 10);
    const written = new TextEncoder().encode(`Margin connection test, ${new Date().toISOString()}\n`);
    await store.put(name, written);
    try {
      const read = await store.get(name);
      if (!read || read.length !== written.length || read.some((b, i) => b !== written[i])) {
        throw failure('bad-response', undefined, 'The server did not give back the test file as it was written.');
      }
      const entries = await store.list('');
      if (!entries.some((e) => e.name === name && e.type === 'file')) {
        throw failure('bad-response', undefined, 'The server stored a test file but does not list it in the folder.');
      }
    } catch (error) {
      await store.remove(name).catch(() => undefined);
      throw error;
    }
    await store.remove(name);
    return { ok: true };
  } catch (error) {
    if (error instanceof RemoteError) return { ok: false, kind: error.kind, message: error.message };
    throw error;
  }
}
