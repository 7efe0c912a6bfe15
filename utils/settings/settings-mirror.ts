/**
 * Which settings follow the user to their other browsers through the browser's own
 * `storage.sync` (the account Chrome or Firefox is signed in to), and how a
 * difference between this browser's copy and the account's is settled. Pure.
 *
 * Only look-and-feel settings: the sync settings hold a password and stay local.
 */
import { normalizeHighlightSettings } from '@/utils/settings/highlight-settings';
import { stableStringify } from '@/utils/db/record-content';
import { normalizeReaderSettings } from '@/utils/settings/reader-settings';

/** `storage.local` key → its normalizer; the `storage.sync` key is the same name. */
export const MIRRORED_SETTINGS: Readonly<Record<string, (value: unknown) => unknown>> = Object.freeze({
  readerSettings: normalizeReaderSettings,
  highlightSettings: normalizeHighlightSettings,
});

/** `storage.local` key holding, per mirrored key, the value both sides last agreed on. */
export const MIRROR_BASE_KEY = 'settingsMirrorBase';

export interface MirrorDecision {
  /** Write this to `storage.local`. */
  toLocal?: unknown;
  /** Write this to `storage.sync`. */
  toSync?: unknown;
  /** The agreed value after the writes (stable JSON), or undefined when neither side has one. */
  base?: string;
}

const absent = (v: unknown) => v === undefined || v === null;

/**
 * Settles one setting. Compared to the value both last agreed on (`base`), the side
 * that did not move takes the other's; when both moved (or they never agreed) the
 * account's copy wins, so a browser joining the account takes its settings.
 */
export function reconcileSetting(
  key: string,
  local: unknown,
  remote: unknown,
  base: string | undefined,
): MirrorDecision {
  const normalize = MIRRORED_SETTINGS[key];
  if (!normalize) return {};
  if (absent(local) && absent(remote)) return {};
  if (absent(remote)) {
    const value = normalize(local);
    return { toSync: value, base: stableStringify(value) };
  }
  const r = normalize(remote);
  const rs = stableStringify(r);
  if (absent(local)) return { toLocal: r, base: rs };
  const l = normalize(local);
  const ls = stableStringify(l);
  if (ls === rs) return ls === base ? {} : { base: ls };
  if (rs === base) return { toSync: l, base: ls };
  return { toLocal: r, base: rs };
}
