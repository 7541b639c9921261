import { useCallback, useRef, useState } from 'react';
import { asApiError } from '../api/client';
import type { ApiError } from '../api/client';

/**
 * Runs the live table's commands one at a time per control: which one is busy, and the last
 * refusal (shown translated by its code). A second press while one runs is ignored.
 */
export function useLiveAction() {
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const running = useRef(false);

  const run = useCallback(async (key: string, action: () => Promise<unknown>, onDone?: () => void): Promise<boolean> => {
    if (running.current) return false;
    running.current = true;
    setBusy(key);
    setError(undefined);
    try {
      await action();
      onDone?.();
      return true;
    } catch (caught) {
      setError(asApiError(caught));
      return false;
    } finally {
      running.current = false;
      setBusy(undefined);
    }
  }, []);

  return { busy, error, run, clearError: useCallback(() => setError(undefined), []) };
}
