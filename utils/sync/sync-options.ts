/**
 * What one sync is given, and the defaults every step of it reads. Kept apart from
 * the engine so the steps (open the folder, pull, push, compact) share one type
 * without importing each other.
 */
import type { MarginDb } from '@/utils/db/margin-db';
import type { RemoteStore } from './remote-store';
import type { KdfOptions, SyncKey } from './sync-crypto';

export interface SyncOptions {
  db: MarginDb;
  remote: RemoteStore;
  /** This browser's id (a UUID): names its head and change files. */
  device: string;
  /** Encrypts a new folder, unlocks an encrypted one. */
  passphrase?: string | null;
  /** Go ahead although the merge deletes more than `failsafeShare` of the records (the user said yes). */
  allowMassDelete?: boolean;
  /** Share of live records a sync may delete before it stops and asks (Floccus: 20%). */
  failsafeShare?: number;
  /** Fewer deletions than this never ask (deleting 2 of 5 highlights is normal use). */
  failsafeMin?: number;
  /** Docs per change file. */
  docsPerFile?: number;
  /** Docs per snapshot part. */
  docsPerPart?: number;
  /** Compact when the change files not yet in a snapshot reach this many. */
  compactAfter?: number;
  /** Change files read in one sync at most; the rest wait for the next (a huge backlog is not one endless sync). */
  changeFilesPerSync?: number;
  /** Key cache across syncs: deriving the key takes a third of a second. */
  keys?: Map<string, SyncKey>;
  kdf?: KdfOptions & { iterations?: number };
  onProgress?: (progress: SyncProgress) => void;
}

export interface SyncProgress {
  phase: 'reading' | 'merging' | 'sending' | 'compacting';
  done: number;
  total: number;
}

export const SYNC_DEFAULTS = {
  failsafeShare: 0.2,
  failsafeMin: 10,
  docsPerFile: 500,
  docsPerPart: 2000,
  compactAfter: 32,
  changeFilesPerSync: 1000,
};

/** The options with every default filled in, and where progress goes. */
export type ResolvedSyncOptions = SyncOptions & typeof SYNC_DEFAULTS & { progress: (p: SyncProgress) => void };

export function resolveSyncOptions(options: SyncOptions): ResolvedSyncOptions {
  return { ...SYNC_DEFAULTS, ...options, progress: options.onProgress ?? (() => {}) };
}
