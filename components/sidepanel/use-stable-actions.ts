/**
 * The same object of callbacks for a component's life, each calling the latest
 * version passed in: children kept from re-rendering (`memo`) still act on the
 * current state.
 */
import { useMemo, useRef } from 'react';

type Callback = (...args: unknown[]) => unknown;

/** @param actions - an object of functions only */
export function useStableActions<T extends object>(actions: T): T {
  const latest = useRef(actions);
  latest.current = actions;
  return useMemo(() => {
    const stable: Record<string, Callback> = {};
    for (const key of Object.keys(latest.current)) {
      stable[key] = (...args) => (latest.current as Record<string, Callback>)[key]!(...args);
    }
    return stable as T;
  }, []);
}
