/**
 * A settings object in `browser.storage.local`, normalized on every read and write:
 * storage may hold anything (an older version's shape, a hand edit, a restored
 * backup), and every context that reads it must see valid settings.
 */
import { storage } from 'wxt/utils/storage';

export interface NormalizedSetting<T> {
  /** The stored value, repaired if storage holds something invalid. */
  load(): Promise<T>;
  /** Saves the value after normalizing it; returns what was saved. */
  save(value: T): Promise<T>;
  /**
   * Calls `onChange` when the value changes in any context (another tab, the options page).
   * @return a function that stops watching
   */
  watch(onChange: (value: T) => void): () => void;
}

export function normalizedSetting<T>(key: string, defaults: T, normalize: (value: unknown) => T): NormalizedSetting<T> {
  const item = storage.defineItem<T>(`local:${key}`, { fallback: structuredClone(defaults) });
  return {
    load: async () => normalize(await item.getValue()),
    save: async (value) => {
      const valid = normalize(value);
      await item.setValue(valid);
      return valid;
    },
    watch: (onChange) => item.watch((value) => onChange(normalize(value))),
  };
}
