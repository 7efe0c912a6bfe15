/**
 * What the sync settings form does on Test and Save, apart from React and the
 * browser: which fields it refuses and why, the permission it asks for, and each line
 * it shows. The browser calls come in as `SyncFormDeps`, so Node tests drive it.
 *
 * The host permission is asked for before the first `await`: Firefox refuses the
 * request after one, since it no longer counts as the click's user gesture.
 */
import {
  checkSyncSettings,
  hostPermissionFor,
  normalizeSyncSettings,
  type SyncSettings,
  type SyncSettingsField,
} from '@/utils/sync/sync-settings';
import type { ConnectionResult } from '@/utils/sync/webdav-remote';

/** The line under the form: what Test or Save found. */
export type SyncNote = { ok: boolean; text: string; kind: 'test' | 'save' };
export type SyncFieldProblems = Partial<Record<SyncSettingsField, string>>;

/** The browser and storage calls a Test or Save makes. */
export interface SyncFormDeps {
  /** `permissions.request` for one origin; false when refused or it throws. */
  requestPermission: (origin: string) => Promise<boolean>;
  testConnection: (settings: SyncSettings) => Promise<ConnectionResult>;
  saveSettings: (settings: SyncSettings) => Promise<SyncSettings>;
  /** Starts a sync in the background, without waiting. */
  syncNow: () => void;
}

/** What a Test or Save ended with. `saved` is set when the settings were stored. */
export interface SyncFormOutcome {
  problems: SyncFieldProblems;
  note: SyncNote;
  saved?: SyncSettings;
}

type Prepared = { settings: SyncSettings; granted: Promise<boolean> } | SyncFormOutcome;

/** Checks the fields and, when they pass, asks for the server's permission at once (no await before it). */
function prepare(form: SyncSettings, kind: SyncNote['kind'], deps: SyncFormDeps): Prepared {
  const settings = normalizeSyncSettings(form);
  const problems = checkSyncSettings(settings);
  if (Object.keys(problems).length > 0)
    return { problems, note: { ok: false, kind, text: 'Some fields need attention.' } };
  const granted = deps.requestPermission(hostPermissionFor(settings.url)!).catch(() => false);
  return { settings, granted };
}

function permissionRefused(kind: SyncNote['kind'], settings: SyncSettings): SyncFormOutcome {
  const host = new URL(settings.url).host;
  return {
    problems: {},
    note: { ok: false, kind, text: `Margin needs your permission to connect to ${host} to sync with it.` },
  };
}

/** The line shown while a Test runs. */
export const TESTING_NOTE: SyncNote = { ok: true, kind: 'test', text: 'Testing the connection…' };

/** Test: checks the fields, asks for the permission, then reads the folder on the server. */
export async function testSyncForm(form: SyncSettings, deps: SyncFormDeps): Promise<SyncFormOutcome> {
  const prepared = prepare(form, 'test', deps);
  if ('note' in prepared) return prepared;
  const { settings, granted } = prepared;
  if (!(await granted)) return permissionRefused('test', settings);
  try {
    const result = await deps.testConnection(settings);
    return {
      problems: {},
      note: result.ok
        ? {
            ok: true,
            kind: 'test',
            text: `Connected: Margin can read and write the folder “${settings.folder}” on this server.`,
          }
        : { ok: false, kind: 'test', text: result.message },
    };
  } catch {
    return {
      problems: {},
      note: {
        ok: false,
        kind: 'test',
        text: 'The connection test failed unexpectedly. Check the address and try again.',
      },
    };
  }
}

/** Save: checks the fields, asks for the permission, stores them, and starts a sync when it is on. */
export async function saveSyncForm(form: SyncSettings, deps: SyncFormDeps): Promise<SyncFormOutcome> {
  const prepared = prepare(form, 'save', deps);
  if ('note' in prepared) return prepared;
  const { settings, granted } = prepared;
  if (!(await granted)) return permissionRefused('save', settings);
  let stored: SyncSettings;
  try {
    stored = await deps.saveSettings(settings);
  } catch {
    // The password goes to the extension's IndexedDB first: a full disk or a browser
    // refusing storage stops the save there, with nothing changed.
    const text = 'Margin could not save these settings in this browser (is the disk full?). Nothing was changed.';
    return { problems: {}, note: { ok: false, kind: 'save', text } };
  }
  if (stored.enabled) deps.syncNow();
  const every = `${stored.intervalMinutes} minute${stored.intervalMinutes === 1 ? '' : 's'}`;
  const text = stored.enabled
    ? `Saved. Margin syncs every ${every} and a few seconds after each change.`
    : 'Saved. Sync is off in this browser.';
  return { problems: {}, note: { ok: true, kind: 'save', text }, saved: stored };
}

/** Whether the form holds changes not saved yet. */
export function isFormDirty(form: SyncSettings, saved: SyncSettings | null): boolean {
  return saved !== null && JSON.stringify(normalizeSyncSettings(form)) !== JSON.stringify(saved);
}

/** Whether "Sync now" can run: saved settings, sync on, every field valid. */
export function canSyncNow(saved: SyncSettings | null): boolean {
  return saved?.enabled === true && Object.keys(checkSyncSettings(saved)).length === 0;
}
