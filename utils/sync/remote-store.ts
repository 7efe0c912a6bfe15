/**
 * What the sync engine needs from the storage the user owns: a folder of files it
 * can list, read, write and delete. WebDAV (`webdav-remote.ts`) is the real one;
 * tests also use an in-memory one. Paths are relative to the sync folder and use
 * `/` (`changes/<device>/00000001.json`).
 *
 * Every failure is a `RemoteError` with a `kind` the UI turns into plain language,
 * so nothing above this layer looks at HTTP status codes.
 */

export type RemoteErrorKind =
  | 'unreachable' // DNS, refused, reset, timeout, connection cut
  | 'unauthorized' // 401: wrong user or password
  | 'forbidden' // 403
  | 'not-found' // 404 on the folder itself (a missing file is `get` → null)
  | 'full' // 507 Insufficient Storage
  | 'tls' // certificate problems
  | 'cors' // the browser refused the response (fetch TypeError with the server reachable)
  | 'server' // 5xx other than 507
  | 'locked' // 423 Locked (or 429) that outlasted the retries: transient, the next sync tries again
  | 'redirected' // the server sent a request on to another origin, which Margin does not follow
  | 'bad-response'; // anything else unexpected

export class RemoteError extends Error {
  constructor(
    readonly kind: RemoteErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'RemoteError';
  }
}

export interface RemoteEntry {
  /** File or folder name, without the parent path. */
  name: string;
  type: 'file' | 'directory';
  size: number;
}

export interface RemoteStore {
  /** Entries directly inside `dir`; [] when the folder does not exist. */
  list(dir: string): Promise<RemoteEntry[]>;
  /** File bytes, or null when there is no such file. */
  get(path: string): Promise<Uint8Array | null>;
  /** Writes (creates or replaces) a file, creating missing parent folders. */
  put(path: string, data: Uint8Array): Promise<void>;
  /** Deletes a file or folder; no error when it is already gone. */
  remove(path: string): Promise<void>;
}
