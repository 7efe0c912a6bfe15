/**
 * Randomized fault schedules for sync (seeded, so any failing one replays from its
 * number): several browsers edit the same highlights and sync at the same time
 * through a proxy that fails, cuts and slows requests to a real WebDAV server;
 * then the faults stop, everyone syncs until quiet, and the result is checked:
 * every browser holds the same data, every highlight ever made is there once, and
 * every field and note version any browser held is in the final state (the join of
 * all their docs, which `sync-doc.test.ts` proves is what merging means).
 */
import { stableStringify } from '@/utils/db/record-content';
import { createWebDavRemote } from '@/utils/sync/webdav-remote';
import { RemoteError, type RemoteStore } from '@/utils/sync/remote-store';
import { deleteHighlight, restoreHighlight, updateHighlight } from '@/utils/db/highlights';
import { HIGHLIGHT_COLOURS } from '@/utils/db/schema';
import { scanLocalChanges } from '@/utils/sync/local-sync-store';
import { mergeDocs, recordFromDoc, type SyncDoc } from '@/utils/sync/sync-doc';
import { highlightOn, testDevice, visibleState, type TestDevice } from '../support/sync-test-devices';
import type { FaultAction, FaultProxy } from '../support/fault-proxy';
import type { WebDavServer } from '../support/webdav-server';
import { mulberry32 } from '../support/prng';

export interface ScheduleOutcome {
  seed: number;
  syncs: number;
  failedSyncs: number;
  created: number;
  /** Highlights whose final state misses something a browser held. */
  lost: string[];
  /** Syncs abandoned at a random request, their browser's database closed and reopened. */
  interrupted: number;
  /** Syncs after the faults stopped that the real server itself answered with a lock (rclone's own 423). */
  cleanLocked: number;
  /** Highlight ids present more than once or never made. */
  duplicated: number;
  converged: boolean;
}

const FAULTS: Array<[FaultAction, number]> = [
  [{ kind: 'pass' }, 78],
  [{ kind: 'status', status: 500 }, 3],
  [{ kind: 'status', status: 503 }, 3],
  [{ kind: 'status', status: 507 }, 2],
  [{ kind: 'status', status: 423 }, 3],
  [{ kind: 'cut-upload', server: 'aborted' }, 4],
  [{ kind: 'cut-upload', server: 'none' }, 2],
  [{ kind: 'cut-download' }, 5],
  [{ kind: 'slow', ms: 40 }, 3],
];

const URLS = ['https://medium.com/@margin/kubecon-day-two', 'https://example.org/blog/hallway-track'];
const NOTES = ['', 'ask about eBPF', 'great talk', 'see also day one', 'שלום', 'ça marche 👍'];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** Faults drawn per request from the seed and the request itself, so concurrent syncs reorder little. */
function scheduleFor(seed: number) {
  const seen = new Map<string, number>();
  const total = FAULTS.reduce((n, [, w]) => n + w, 0);
  return (req: { method: string; path: string }): FaultAction => {
    const key = `${req.method} ${req.path}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    let h = seed * 7919 + n;
    for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) >>> 0;
    let r = mulberry32(h)() * total;
    for (const [action, w] of FAULTS) if ((r -= w) < 0) return action;
    return { kind: 'pass' };
  };
}

/**
 * A sync folder whose requests can fail: the real server behind the fault proxy, or
 * the in-memory chaos store (`chaos-remote.ts`), which can also land an upload late.
 */
export interface FaultyFolder {
  /** The folder as the browsers see it while faults are on. */
  faulty: RemoteStore;
  /** The same folder with no faults in the way. */
  clean: RemoteStore;
  /** Faults on, drawn from the seed. */
  startFaults(seed: number): void;
  /** Waits until every faulty request has ended (and landed, where one lands late); faults off. */
  stopFaults(): Promise<void>;
}

/** The real server behind the fault proxy, with its folder for this seed. */
export function proxiedFolder(seed: number, server: WebDavServer, proxy: FaultProxy): FaultyFolder {
  const folder = `schedule-${seed}`;
  return {
    // Short lock retries: a schedule meets hundreds of requests, and the waits prove nothing by their length.
    faulty: createWebDavRemote({
      url: proxy.url,
      username: server.username,
      password: server.password,
      folder,
      timeoutMs: 5000,
      retryDelaysMs: [5, 20, 50],
    }),
    clean: createWebDavRemote({ url: server.url, username: server.username, password: server.password, folder }),
    startFaults: (s) => proxy.setSchedule(scheduleFor(s)),
    async stopFaults() {
      await proxy.idle();
      proxy.setSchedule(() => ({ kind: 'pass' }));
    },
  };
}

export async function runSchedule(
  seed: number,
  folder: FaultyFolder,
  devices = 3,
  rounds = 4,
): Promise<ScheduleOutcome> {
  const random = mulberry32(seed);
  const { faulty: remote, clean } = folder;
  const start = Date.UTC(2024, 4, 1);
  const browsers: TestDevice[] = Array.from({ length: devices }, (_, i) =>
    testDevice(`s${seed}-d${i}`, start + Math.floor(random() * 5000), `schedule-${seed}-${i}`),
  );
  const created = new Set<string>();
  const known: string[][] = browsers.map(() => []);
  const outcome: ScheduleOutcome = {
    seed,
    syncs: 0,
    failedSyncs: 0,
    created: 0,
    lost: [],
    interrupted: 0,
    cleanLocked: 0,
    duplicated: 0,
    converged: false,
  };
  // Odd seeds use tiny change files: pushes span several files, and a backlog of a few
  // docs already goes out as a snapshot, so both ways of sending meet faults.
  const options = { compactAfter: 3, failsafeMin: 1_000_000, ...(seed % 2 === 1 && { docsPerFile: 4 }) };

  folder.startFaults(seed);
  for (let round = 0; round < rounds; round++) {
    for (const [i, b] of browsers.entries()) {
      b.tick(Math.floor(random() * 3000));
      const ops = 1 + Math.floor(random() * 3);
      for (let k = 0; k < ops; k++) await randomEdit(b, known[i]!, created, random, seed);
    }
    // Everyone syncs at once: reads interleave with other devices' uploads and compactions.
    // Now and then a browser stops in the middle (Chrome stops an idle service worker,
    // the user quits): at a random request, sent or not, its sync never goes on.
    const stops = browsers.map(() =>
      random() < 0.15 ? stopAfter(remote, Math.floor(random() * 12), random() < 0.5) : null,
    );
    const results = await Promise.allSettled(
      browsers.map((b, i) => {
        const stop = stops[i];
        return stop ? Promise.race([b.sync(stop.remote, options), stop.stopped]) : b.sync(remote, options);
      }),
    );
    outcome.syncs += results.length;
    outcome.failedSyncs += results.filter((r) => r.status === 'rejected').length;
    for (const [i, b] of browsers.entries()) {
      if (!stops[i]?.hasStopped()) continue;
      outcome.interrupted++;
      b.restart();
    }
    for (const [i, b] of browsers.entries()) {
      const ids = (await b.db.highlights.toArray()).map((h) => h.id);
      known[i] = [...new Set([...known[i]!, ...ids])];
    }
  }
  await folder.stopFaults();

  // What every browser holds now, local edits included: the final state must contain all of it.
  const expected = new Map<string, SyncDoc>();
  for (const b of browsers) {
    await scanLocalChanges(b.db, b.id);
    for (const row of await b.db.syncDocs.toArray()) {
      if (row.doc.t !== 'highlights') continue;
      const had = expected.get(row.key);
      expected.set(row.key, had ? mergeDocs(had, row.doc) : row.doc);
    }
  }

  for (let pass = 0; pass < 8; pass++) {
    let moved = 0;
    for (const b of browsers) {
      outcome.syncs++;
      try {
        const r = await b.sync(clean, { ...options, allowMassDelete: true });
        if (r.status === 'ok') moved += r.sent + r.changed;
      } catch (error) {
        // rclone may still hold the lock of an upload the proxy cut (Apache never does): a user sees "will try again", and so does this loop.
        if (!(error instanceof RemoteError && error.kind === 'locked')) throw error;
        outcome.cleanLocked++;
        moved++;
      }
    }
    if (moved === 0 && pass > 0) break;
  }

  const states = await Promise.all(browsers.map((b) => visibleState(b.db)));
  // Key order differs between records written by a merge and by a repository: compare content.
  outcome.converged = states.every((s) => stableStringify(s) === stableStringify(states[0]));
  if (!outcome.converged && process.env.MARGIN_FAULT_DEBUG) {
    const { writeFileSync } = await import('node:fs');
    for (const [i, s] of states.entries()) writeFileSync(`/tmp/state-${seed}-${i}.json`, JSON.stringify(s, null, 1));
  }
  const finalHighlights = await browsers[0]!.db.highlights.toArray();
  outcome.created = created.size;
  const ids = finalHighlights.map((h) => h.id);
  outcome.duplicated = ids.length - new Set(ids).size + ids.filter((id) => !created.has(id)).length;
  for (const id of created) {
    const here = finalHighlights.find((h) => h.id === id);
    const want = expected.get(`highlights:${id}`);
    if (!here || !want) {
      outcome.lost.push(`${id}: ${here ? 'never reached any doc' : 'missing'}`);
      continue;
    }
    const w = recordFromDoc(want) as Record<string, unknown>;
    const versions = (r: Record<string, unknown>) =>
      [r.note, ...((r.noteConflicts as { text: string }[] | undefined) ?? []).map((c) => c.text)].sort();
    const same =
      here.colour === w.colour &&
      JSON.stringify(here.tags) === JSON.stringify(w.tags) &&
      (here.deletedAt === null) === (w.deletedAt === null) &&
      JSON.stringify(versions(here as unknown as Record<string, unknown>)) === JSON.stringify(versions(w));
    if (!same)
      outcome.lost.push(
        `${id}: final ${JSON.stringify(versions(here as never))} ${here.colour} vs held ${JSON.stringify(versions(w))} ${w.colour}`,
      );
  }
  await clean.remove('').catch(() => {});
  for (const b of browsers) b.db.close();
  return outcome;
}

/**
 * The remote as a browser that stops at its `after`-th request sees it: that request
 * is sent (when `delivered`, so the server may act on it) and its answer never comes;
 * `stopped` resolves then, so the caller can abandon the sync as a dead worker would.
 * A sync that finishes in fewer requests is not stopped.
 */
function stopAfter(remote: RemoteStore, after: number, delivered: boolean) {
  let count = 0;
  let stopped = false;
  let signal: (value: 'stopped') => void = () => {};
  const stoppedPromise = new Promise<'stopped'>((resolve) => (signal = resolve));
  const forever = new Promise<never>(() => {});
  const wrap =
    <A extends unknown[], R>(op: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (stopped) return forever;
      if (count++ < after) return op(...args);
      stopped = true;
      signal('stopped');
      if (delivered) await op(...args).catch(() => undefined);
      return forever;
    };
  const wrapped: RemoteStore = {
    list: wrap((dir: string) => remote.list(dir)),
    get: wrap((path: string) => remote.get(path)),
    put: wrap((path: string, data: Uint8Array) => remote.put(path, data)),
    remove: wrap((path: string) => remote.remove(path)),
  };
  return { remote: wrapped, stopped: stoppedPromise, hasStopped: () => stopped };
}

async function randomEdit(
  b: TestDevice,
  known: string[],
  created: Set<string>,
  random: () => number,
  seed: number,
): Promise<void> {
  const roll = random();
  if (roll < 0.3 || known.length === 0) {
    const h = await highlightOn(
      b.db,
      pick(random, URLS),
      `passage ${seed}-${created.size}-${b.id}`,
      pick(random, NOTES),
    );
    created.add(h.id);
    known.push(h.id);
    return;
  }
  const id = pick(random, known);
  if (roll < 0.6)
    await updateHighlight(b.db, id, { note: `${pick(random, NOTES)} (${b.id} ${Math.floor(random() * 100)})` });
  else if (roll < 0.75) await updateHighlight(b.db, id, { colour: pick(random, HIGHLIGHT_COLOURS) });
  else if (roll < 0.85) await updateHighlight(b.db, id, { tags: [pick(random, ['kubecon', 'ebpf', 'later'])] });
  else if (roll < 0.95) await deleteHighlight(b.db, id);
  else await restoreHighlight(b.db, id);
}
