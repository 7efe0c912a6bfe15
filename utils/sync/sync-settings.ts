/**
 * What the user set up for sync on the options page: the WebDAV server, the account,
 * the folder, the optional passphrase and how often to sync. Pure; stored by
 * `sync-settings-store.ts`.
 *
 * The password and passphrase are secrets: they are kept apart from the rest, in the
 * extension's own IndexedDB (`sync-secrets-store.ts`), never in `storage.local` or
 * `storage.sync` (content scripts can read both) nor in a backup, and nothing here
 * puts them into a message.
 */
import type { WebDavConfig } from './webdav-remote';

export interface SyncSettings {
  enabled: boolean;
  /** The server's WebDAV address, e.g. https://cloud.example.org/remote.php/dav/files/ana/ */
  url: string;
  username: string;
  /** Password or app token. */
  password: string;
  /** Folder under `url`; created on the first sync. */
  folder: string;
  /** Empty: the folder is not encrypted. */
  passphrase: string;
  intervalMinutes: number;
}

/** The settings that are secrets, kept apart from the rest. */
export type SyncSecrets = Pick<SyncSettings, 'password' | 'passphrase'>;

/** The settings content scripts may see (they can read `storage.local`). */
export type PublicSyncSettings = Omit<SyncSettings, keyof SyncSecrets>;

/** Splits settings into the secrets and the rest, for storing each where it belongs. */
export function splitSyncSecrets(s: SyncSettings): { secrets: SyncSecrets; rest: PublicSyncSettings } {
  const { password, passphrase, ...rest } = s;
  return { secrets: { password, passphrase }, rest };
}

export const DEFAULT_FOLDER = 'Margin';
export const MIN_INTERVAL_MINUTES = 1;
export const MAX_INTERVAL_MINUTES = 24 * 60;

export const DEFAULT_SYNC_SETTINGS: Readonly<SyncSettings> = Object.freeze({
  enabled: false,
  url: '',
  username: '',
  password: '',
  folder: DEFAULT_FOLDER,
  passphrase: '',
  intervalMinutes: 15,
});

const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);

/** Repairs whatever storage holds into settings (a missing field gets its default). */
export function normalizeSyncSettings(value: unknown): SyncSettings {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<Record<keyof SyncSettings, unknown>>;
  const interval =
    typeof v.intervalMinutes === 'number' && Number.isFinite(v.intervalMinutes)
      ? v.intervalMinutes
      : DEFAULT_SYNC_SETTINGS.intervalMinutes;
  return {
    enabled: v.enabled === true,
    url: str(v.url, '').trim(),
    username: str(v.username, ''),
    password: str(v.password, ''),
    folder: cleanFolder(str(v.folder, DEFAULT_FOLDER)),
    passphrase: str(v.passphrase, ''),
    intervalMinutes: Math.round(Math.min(MAX_INTERVAL_MINUTES, Math.max(MIN_INTERVAL_MINUTES, interval))),
  };
}

/** `/Apps/Margin/` and `Apps/Margin` are the same folder; empty means the default. */
function cleanFolder(folder: string): string {
  const segments = folder
    .split('/')
    .map((s) => s.trim())
    .filter(Boolean);
  return segments.length ? segments.join('/') : DEFAULT_FOLDER;
}

export type SyncSettingsField = 'url' | 'username' | 'password' | 'folder' | 'intervalMinutes';

/** What is wrong with the settings as typed, per field; empty when they can be saved. */
export function checkSyncSettings(s: SyncSettings): Partial<Record<SyncSettingsField, string>> {
  const problems: Partial<Record<SyncSettingsField, string>> = {};
  const url = parseServerUrl(s.url);
  if (!s.url) problems.url = 'Enter the address of your WebDAV server.';
  else if (!url) problems.url = 'This is not a web address: it must start with https://';
  else if (url.username || url.password)
    problems.url = 'Leave the user name and password out of the address: use the fields below.';
  if (!s.username.trim()) problems.username = 'Enter your user name on that server.';
  if (!s.password) problems.password = 'Enter your password or an app password (token).';
  if (s.folder.split('/').some((seg) => seg === '.' || seg === '..'))
    problems.folder = 'A folder name cannot be “.” or “..”.';
  return problems;
}

function parseServerUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * A warning for a plain `http://` address, or null. Basic authentication sends the
 * password with every request, readable by anyone on the path (a café's Wi-Fi, the
 * ISP); the notes go unencrypted too unless a passphrase is set. The same machine
 * (`localhost`, 127.0.0.0/8, `::1`) is quiet: that traffic never leaves it.
 */
export function plainHttpWarning(serverUrl: string): string | null {
  const url = parseServerUrl(serverUrl.trim());
  if (!url || url.protocol !== 'http:' || isLoopback(url.hostname)) return null;
  return 'This address is plain http://: your password and, without a passphrase, your notes cross the network unencrypted. Use https:// if your server offers it.';
}

function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

/** Whether there is enough to try a sync (enabled or not). */
export function isSyncConfigured(s: SyncSettings): boolean {
  return Object.keys(checkSyncSettings(s)).length === 0;
}

/**
 * The host permission to ask for: every port of the server's host (match patterns
 * with a port are not accepted by every browser; without one they match any port).
 * @return null for an address that is not http(s)
 */
export function hostPermissionFor(serverUrl: string): string | null {
  const url = parseServerUrl(serverUrl.trim());
  return url ? `${url.protocol}//${url.hostname}/*` : null;
}

export function webDavConfigOf(s: SyncSettings): WebDavConfig {
  return { url: s.url, username: s.username, password: s.password, folder: s.folder };
}

/**
 * Names the folder sync state belongs to. When it changes (another server, account
 * or folder), what this browser remembers having read and sent is about another
 * folder and must be forgotten before the next sync.
 */
export function syncTargetOf(s: SyncSettings): string {
  const url = parseServerUrl(s.url);
  const base = url ? `${url.origin}${url.pathname.replace(/\/*$/, '/')}` : s.url;
  return JSON.stringify([base, s.username.trim(), s.folder]);
}

/** The secrets in the settings, for scrubbing them out of any text shown or stored. */
export function secretsOf(s: SyncSettings): string[] {
  return [s.password, s.passphrase].filter((x) => x.length >= 3);
}
