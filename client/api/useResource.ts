import { useCallback, useEffect, useRef, useState } from 'react';
import type { DependencyList } from 'react';
import { asApiError } from './client';
import type { ApiError } from './client';

export interface Resource<T> {
  /** The last data loaded; kept while a reload runs, so a live refresh does not blank the screen. */
  data: T | undefined;
  error: ApiError | undefined;
  /** True while the first load (or a load after the dependencies changed) runs. */
  loading: boolean;
  /** Loads again, keeping the current data on screen meanwhile. */
  reload: () => void;
  /** Replaces the data locally, e.g. with what a write answered. */
  setData: (update: T | ((current: T | undefined) => T)) => void;
}

/**
 * Loads data for a screen. A change of `deps` starts over (cancelling the request in flight);
 * `reload` refreshes in place. Answers that arrive after the screen moved on are dropped.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Resource<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const depsKey = useRef<DependencyList | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    const depsChanged =
      !depsKey.current || depsKey.current.length !== deps.length || deps.some((d, i) => !Object.is(d, depsKey.current![i]));
    depsKey.current = deps;
    if (depsChanged) {
      setLoading(true);
      setDataState(undefined);
      setError(undefined);
    }
    loadRef
      .current(controller.signal)
      .then((result) => {
        if (controller.signal.aborted) return;
        setDataState(() => result);
        setError(undefined);
        setLoading(false);
      })
      .catch((caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(asApiError(caught));
        setLoading(false);
      });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const setData = useCallback((update: T | ((current: T | undefined) => T)) => {
    setDataState((current) => (typeof update === 'function' ? (update as (c: T | undefined) => T)(current) : update));
  }, []);

  return { data, error, loading, reload, setData };
}
