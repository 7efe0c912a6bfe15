/**
 * An HTTP proxy on 127.0.0.1 that sits between a WebDAV client and a real server
 * and, request by request, does what a schedule says: pass, answer an error status
 * itself, cut the connection during the upload or the download, or stall.
 *
 * A cut upload comes in three flavours because they leave the server in different
 * states, and a sync engine must survive all of them:
 *  - `server: 'none'`      the server never hears of the request;
 *  - `server: 'truncated'` the server gets the first part of the body as a complete
 *                          (chunked) request, and stores a short file;
 *  - `server: 'aborted'`   the server gets the first part, then the connection
 *                          drops, as when the client's network dies mid-upload
 *                          (rclone keeps the partial file, replacing the old one).
 * A cut download forwards the request, so the server acts on it (a PUT is stored),
 * and the client loses the answer partway: with an empty answer body nothing at all
 * reaches the client.
 *
 * Schedules get a seeded `random`, so a failing randomised run replays exactly.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { mulberry32 } from './prng';

export type FaultAction =
  | { kind: 'pass' }
  | { kind: 'status'; status: number }
  | { kind: 'cut-upload'; server: 'none' | 'truncated' | 'aborted' /** of the body; default 0.5 */; fraction?: number }
  | { kind: 'cut-download' /** of the response body; default 0.5 */; fraction?: number }
  | { kind: 'slow'; ms: number }
  /** Answers a redirect itself, after reading the body, as a moved or hostile server would. */
  | { kind: 'redirect'; status: 301 | 302 | 303 | 307 | 308; location: string };

export const PASS: FaultAction = { kind: 'pass' };

export interface ProxiedRequest {
  /** 0 for the first request the proxy sees. */
  index: number;
  method: string;
  /** Path and query as the client sent them. */
  path: string;
}

export type FaultSchedule = (request: ProxiedRequest, random: () => number) => FaultAction;

export interface FaultStats {
  requests: number;
  /** Count per action label: `pass`, `status:503`, `cut-upload:aborted`, `cut-download`, `slow`. */
  actions: Record<string, number>;
  log: Array<ProxiedRequest & { action: string }>;
}

export interface FaultProxy {
  /** The target's URL with the proxy's origin. */
  url: string;
  setSchedule(schedule: FaultSchedule): void;
  /** Resolves when no request to the real server is still in flight. */
  idle(): Promise<void>;
  stats: FaultStats;
  stop(): Promise<void>;
}

/** A schedule that picks each action with probability proportional to its weight. */
export function randomFaults(weighted: Array<[FaultAction, number]>): FaultSchedule {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  return (_request, random) => {
    let r = random() * total;
    for (const [action, w] of weighted) {
      if ((r -= w) < 0) return action;
    }
    return weighted[weighted.length - 1]?.[0] ?? PASS;
  };
}

const label = (a: FaultAction) =>
  a.kind === 'status' || a.kind === 'redirect'
    ? `${a.kind === 'status' ? 'status' : 'redirect'}:${a.status}`
    : a.kind === 'cut-upload'
      ? `cut-upload:${a.server}`
      : a.kind;

export async function startFaultProxy(targetUrl: string, { seed = 1 }: { seed?: number } = {}): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const random = mulberry32(seed);
  let schedule: FaultSchedule = () => PASS;
  const stats: FaultStats = { requests: 0, actions: {}, log: [] };
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let idleWaiters: Array<() => void> = [];

  const upstreamStarted = () => inFlight++;
  const upstreamDone = () => {
    if (--inFlight === 0) {
      for (const wake of idleWaiters) wake();
      idleWaiters = [];
    }
  };

  /** A request to the real server, tracked so `idle()` can wait for it. */
  function upstream(req: IncomingMessage, headers = { ...req.headers, host: target.host }) {
    upstreamStarted();
    const up = httpRequest({
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers,
      agent: false, // a fresh socket each time: an aborted one must not be reused
    });
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        upstreamDone();
      }
    };
    up.on('close', finish);
    up.on('error', finish);
    return up;
  }

  function pass(req: IncomingMessage, res: ServerResponse) {
    const up = upstream(req);
    up.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    up.on('error', () => res.destroy());
    // A client that gives up mid-upload leaves the server with a partial body and a
    // dropped connection, as it would without the proxy.
    req.on('close', () => {
      if (!req.complete) up.destroy();
    });
    req.pipe(up);
  }

  function respond(req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string> = {}) {
    // Answer after the body is in, as a real server would: answering mid-upload
    // makes the client see a reset rather than the status.
    req.resume();
    req.on('end', () => {
      const body = `Injected fault ${status}\n`;
      res.writeHead(status, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body), ...headers });
      res.end(body);
    });
  }

  function cutUpload(req: IncomingMessage, action: Extract<FaultAction, { kind: 'cut-upload' }>) {
    const length = Number(req.headers['content-length'] ?? NaN);
    const fraction = action.fraction ?? 0.5;
    let up: ReturnType<typeof upstream> | undefined;
    if (action.server === 'truncated') {
      const headers = { ...req.headers, host: target.host, 'transfer-encoding': 'chunked' };
      delete headers['content-length'];
      up = upstream(req, headers);
    } else if (action.server === 'aborted') {
      up = upstream(req);
    }
    up?.on('error', () => undefined);
    up?.on('response', (answer) => answer.resume());

    let cutAt = Number.isFinite(length) ? Math.floor(length * fraction) : undefined;
    let seen = 0;
    let done = false;
    const cut = () => {
      if (done) return;
      done = true;
      req.removeAllListeners('data');
      req.socket.destroy();
      if (action.server === 'truncated') up?.end();
      // Give the partial body time to leave before the drop, or the server may see
      // only the headers.
      else if (action.server === 'aborted') setTimeout(() => up?.destroy(), 50);
    };
    if (cutAt === 0) return cut();
    req.on('data', (chunk: Buffer) => {
      // Unknown length: cut inside the first chunk.
      cutAt ??= Math.floor(chunk.length * fraction);
      const part = chunk.subarray(0, Math.max(0, cutAt - seen));
      seen += chunk.length;
      if (part.length) up?.write(part);
      if (seen >= cutAt) cut();
    });
    // A body shorter than announced: cut where it ended.
    req.on('end', cut);
  }

  function cutDownload(req: IncomingMessage, res: ServerResponse, fraction: number) {
    const up = upstream(req);
    up.on('error', () => res.destroy());
    up.on('response', (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        const body = Buffer.concat(chunks);
        if (body.length === 0) return res.socket?.destroy();
        const headers = { ...answer.headers, 'content-length': String(body.length) };
        delete headers['transfer-encoding'];
        res.writeHead(answer.statusCode ?? 502, headers);
        res.write(body.subarray(0, Math.floor(body.length * fraction)), () => res.socket?.destroy());
      });
    });
    req.pipe(up);
  }

  const server = createServer((req, res) => {
    const request: ProxiedRequest = { index: stats.requests++, method: req.method ?? 'GET', path: req.url ?? '/' };
    const action = schedule(request, random);
    const name = label(action);
    stats.actions[name] = (stats.actions[name] ?? 0) + 1;
    stats.log.push({ ...request, action: name });
    switch (action.kind) {
      case 'pass':
        return pass(req, res);
      case 'status':
        return respond(req, res, action.status);
      case 'cut-upload':
        return cutUpload(req, action);
      case 'cut-download':
        return cutDownload(req, res, action.fraction ?? 0.5);
      case 'slow':
        setTimeout(() => pass(req, res), action.ms);
        return;
      case 'redirect':
        return respond(req, res, action.status, { Location: action.location });
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A cut connection is the point, not a failure of the proxy.
  server.on('clientError', (_e, socket) => socket.destroy());

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = new URL(target.pathname + target.search, `http://127.0.0.1:${port}`).href;

  return {
    url,
    stats,
    setSchedule(next) {
      schedule = next;
    },
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
