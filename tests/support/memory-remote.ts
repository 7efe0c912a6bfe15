/**
 * A `RemoteStore` in memory, for unit tests and property tests of the engine that
 * need thousands of syncs in seconds. The real-server tests use `webdav-remote.ts`.
 * Counts bytes like the WebDAV store so incremental-sync tests can assert on them.
 */
import { RemoteError, type RemoteEntry, type RemoteStore } from '@/utils/sync/remote-store';

export interface MemoryRemote extends RemoteStore {
  files: Map<string, Uint8Array>;
  traffic: { sent: number; received: number };
  /** Called before every operation; throw to inject a fault. */
  before?: (op: 'list' | 'get' | 'put' | 'remove', path: string) => void;
}

export function createMemoryRemote(files: Map<string, Uint8Array> = new Map()): MemoryRemote {
  const store: MemoryRemote = {
    files,
    traffic: { sent: 0, received: 0 },
    async list(dir) {
      store.before?.('list', dir);
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      const seen = new Map<string, RemoteEntry>();
      for (const [path, data] of files) {
        if (!path.startsWith(prefix)) continue;
        const rest = path.slice(prefix.length);
        const [name, ...deeper] = rest.split('/');
        if (!name) continue;
        seen.set(
          name,
          deeper.length > 0 ? { name, type: 'directory', size: 0 } : { name, type: 'file', size: data.length },
        );
      }
      const entries = [...seen.values()];
      store.traffic.received += 200 + 150 * entries.length;
      return entries;
    },
    async get(path) {
      store.before?.('get', path);
      const data = files.get(path);
      store.traffic.received += data?.length ?? 0;
      return data ? data.slice() : null;
    },
    async put(path, data) {
      store.before?.('put', path);
      store.traffic.sent += data.length;
      files.set(path, data.slice());
    },
    async remove(path) {
      store.before?.('remove', path);
      files.delete(path);
      const prefix = `${path}/`;
      for (const key of [...files.keys()]) if (key.startsWith(prefix)) files.delete(key);
    },
  };
  return store;
}

/** A fault the memory store throws, as the WebDAV store would for a 503. */
export function serverFault(path: string): RemoteError {
  return new RemoteError('server', `The server failed (503) on ${path}.`, 503);
}
