/**
 * What the popup and the options page show about sync, written by the background
 * after every step into `storage.local` (`syncStatus`) so both watch it live. Pure:
 * the shape, its repair, and the one line of text it reads as.
 */
import type { SyncProgress } from './sync-engine';

export type SyncState = 'idle' | 'syncing' | 'error' | 'needs-confirmation';

export interface SyncCounts {
  received: number;
  changed: number;
  sent: number;
  conflicts: number;
}

export interface SyncStatus {
  state: SyncState;
  /** End of the last sync that completed. */
  lastSyncAt: number | null;
  /** Changes made here not yet sent; null until counted. */
  pending: number | null;
  /** Why the last attempt failed, in words a user can act on. Never holds a secret. */
  lastError: string | null;
  /** Set while syncing. */
  progress: SyncProgress | null;
  /** What the last completed sync did. */
  last: SyncCounts | null;
  /** What the user is asked to confirm when `state` is `needs-confirmation`. */
  confirm: { deletes: number; live: number } | null;
  /** Warnings of the last sync (a damaged file skipped…). */
  warnings: string[];
}

export const INITIAL_SYNC_STATUS: Readonly<SyncStatus> = Object.freeze({
  state: 'idle',
  lastSyncAt: null,
  pending: null,
  lastError: null,
  progress: null,
  last: null,
  confirm: null,
  warnings: [],
});

const STATES: readonly SyncState[] = ['idle', 'syncing', 'error', 'needs-confirmation'];
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function normalizeSyncStatus(value: unknown): SyncStatus {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<Record<keyof SyncStatus, unknown>>;
  const obj = (x: unknown) => (x && typeof x === 'object' ? (x as Record<string, unknown>) : null);
  const progress = obj(v.progress);
  const last = obj(v.last);
  const confirm = obj(v.confirm);
  return {
    state: STATES.includes(v.state as SyncState) ? (v.state as SyncState) : 'idle',
    lastSyncAt: num(v.lastSyncAt),
    pending: num(v.pending),
    lastError: typeof v.lastError === 'string' ? v.lastError : null,
    progress: progress
      ? {
          phase: progress.phase as SyncProgress['phase'],
          done: num(progress.done) ?? 0,
          total: num(progress.total) ?? 0,
        }
      : null,
    last: last
      ? {
          received: num(last.received) ?? 0,
          changed: num(last.changed) ?? 0,
          sent: num(last.sent) ?? 0,
          conflicts: num(last.conflicts) ?? 0,
        }
      : null,
    confirm: confirm ? { deletes: num(confirm.deletes) ?? 0, live: num(confirm.live) ?? 0 } : null,
    warnings: Array.isArray(v.warnings) ? v.warnings.filter((w): w is string => typeof w === 'string') : [],
  };
}

const PHASES: Record<SyncProgress['phase'], string> = {
  reading: 'Receiving',
  merging: 'Merging',
  sending: 'Sending',
  compacting: 'Tidying the sync folder',
};

export function describeProgress(p: SyncProgress): string {
  const n = (x: number) => x.toLocaleString('en');
  if (p.total > 0 && p.done <= p.total && p.total > 1) return `${PHASES[p.phase]}… ${n(p.done)} of ${n(p.total)}`;
  return `${PHASES[p.phase]}…`;
}

/** "3 minutes ago", "just now", or a date for anything older than a day. */
export function timeAgo(at: number, now: number): string {
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} minute${m === 1 ? '' : 's'} ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} hour${h === 1 ? '' : 's'} ago`;
  return `on ${new Date(at).toLocaleDateString('en', { day: 'numeric', month: 'short', year: 'numeric' })}`;
}

export function pendingText(pending: number | null): string | null {
  if (pending === null || pending === 0) return null;
  return `${pending.toLocaleString('en')} change${pending === 1 ? '' : 's'} to send`;
}

/** The status as one line: what the popup shows and the options page heads its status with. */
export function describeSyncStatus(s: SyncStatus, now: number): string {
  const pending = pendingText(s.pending);
  switch (s.state) {
    case 'syncing':
      return s.progress ? `Syncing: ${describeProgress(s.progress)}` : 'Syncing…';
    case 'needs-confirmation':
      return `Sync is waiting for you: it would delete ${s.confirm?.deletes ?? 'many'} of your highlights and notes.`;
    case 'error':
      return `Sync failed${s.lastSyncAt ? ` (last synced ${timeAgo(s.lastSyncAt, now)})` : ''}: ${s.lastError ?? 'unknown error'}`;
    default: {
      const when = s.lastSyncAt ? `Synced ${timeAgo(s.lastSyncAt, now)}` : 'Not synced yet';
      return pending ? `${when} · ${pending}` : when;
    }
  }
}
