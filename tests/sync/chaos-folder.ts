/**
 * A sync folder in memory whose requests fail in every way a real server and network
 * can make them fail — and in one the real-server schedules cannot steer: an upload
 * whose client saw it fail lands later, after other requests (a server still writing
 * what a cut connection delivered, a proxy that retries on its own). It may land after
 * a later, whole upload of the same file, or after the delete that was meant to clean
 * it up. Everything is drawn from the seed and runs in one process, so thousands of
 * schedules take minutes and a failing one replays from its number.
 */
import { createMemoryRemote, serverFault } from '../support/memory-remote';
import type { RemoteStore } from '@/utils/sync/remote-store';
import { mulberry32 } from '../support/prng';
import type { FaultyFolder } from './fault-schedules';

export type ChaosAction = 'pass' | 'fail' | 'lost-answer' | 'truncated' | 'late' | 'yield';

/** Reads fail or come late; writes also land cut short or late. */
const READ_ACTIONS: Array<[ChaosAction, number]> = [
  ['pass', 88],
  // Refused before anything happened (a 503, a connection that never opened).
  ['fail', 6],
  // Done, after other requests ran first (reorders concurrent syncs).
  ['yield', 6],
];
const WRITE_ACTIONS: Array<[ChaosAction, number]> = [
  ['pass', 64],
  ['fail', 6],
  // Done, but the answer never came back.
  ['lost-answer', 6],
  // An upload: the first part stored as the whole file, and the client told it failed.
  ['truncated', 6],
  // The client told it failed; it happens after a few more requests.
  ['late', 12],
  ['yield', 6],
];

export interface ChaosFolder extends FaultyFolder {
  /** How often each action was drawn. */
  stats: Record<string, number>;
}

export function chaosFolder(): ChaosFolder {
  const files = new Map<string, Uint8Array>();
  const clean = createMemoryRemote(files);
  const stats: Record<string, number> = {};
  let random: (() => number) | null = null;
  let late: Array<{ after: number; land: () => Promise<void> }> = [];

  function draw(actions: Array<[ChaosAction, number]>): ChaosAction {
    if (!random) return 'pass';
    let r = random() * actions.reduce((n, [, w]) => n + w, 0);
    for (const [action, w] of actions) if ((r -= w) < 0) return action;
    return 'pass';
  }

  /** Each request moves the late ones on; those whose turn came land first. */
  async function tick(): Promise<void> {
    const due = late.filter((l) => --l.after <= 0);
    late = late.filter((l) => l.after > 0);
    for (const l of due) await l.land();
  }

  async function run<T>(
    path: string,
    kind: 'read' | 'put' | 'remove',
    op: () => Promise<T>,
    partial?: () => Promise<void>,
  ): Promise<T> {
    await tick();
    let action = draw(kind === 'read' ? READ_ACTIONS : WRITE_ACTIONS);
    if (action === 'truncated' && kind !== 'put') action = 'fail';
    stats[action] = (stats[action] ?? 0) + 1;
    switch (action) {
      case 'pass':
        return op();
      case 'yield':
        await new Promise((resolve) => setTimeout(resolve, Math.floor((random?.() ?? 0) * 4)));
        return op();
      case 'fail':
        throw serverFault(path);
      case 'lost-answer':
        await op();
        throw serverFault(path);
      case 'truncated':
        await partial?.();
        throw serverFault(path);
      case 'late':
        // Most land a few requests later; one in four only when the faults stop, after
        // everything the browsers did meanwhile (later uploads of the same file included).
        late.push({
          after: (random?.() ?? 0) < 0.25 ? Infinity : 1 + Math.floor((random?.() ?? 0) * 20),
          land: async () => void (await op()),
        });
        throw serverFault(path);
    }
  }

  const faulty: RemoteStore = {
    list: (dir) => run(dir, 'read', () => clean.list(dir)),
    get: (path) => run(path, 'read', () => clean.get(path)),
    put: (path, data) =>
      run(
        path,
        'put',
        () => clean.put(path, data),
        () => clean.put(path, data.slice(0, Math.floor(data.length / 2))),
      ),
    remove: (path) => run(path, 'remove', () => clean.remove(path)),
  };

  return {
    faulty,
    clean,
    stats,
    startFaults(seed) {
      random = mulberry32(seed ^ 0x5bd1e995);
    },
    async stopFaults() {
      random = null;
      // What is still on its way lands now: after everything else, the worst moment.
      const rest = late;
      late = [];
      for (const l of rest) await l.land();
    },
  };
}
