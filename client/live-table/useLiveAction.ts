import { useCallback, useState } from 'react';
import { useSubmission } from '../components/forms/useSubmission';

/**
 * Runs the live table's commands one at a time per control: which one is busy, and the last
 * refusal (shown translated by its code). A second press while one runs is ignored. The one
 * submission hook underneath; this adds which control pressed.
 */
export function useLiveAction() {
  const submission = useSubmission({ fieldErrorsFor: () => ({}) });
  const { submit, clear } = submission;
  const [key, setKey] = useState<string | undefined>(undefined);

  const run = useCallback(
    async (next: string, action: () => Promise<unknown>, onDone?: () => void): Promise<boolean> => {
      if (submission.busy) return false;
      setKey(next);
      // The last refusal goes as soon as the next command is given.
      clear();
      return submit(async () => {
        await action();
        onDone?.();
      });
    },
    [submission.busy, submit, clear],
  );

  return { busy: submission.busy ? key : undefined, error: submission.error, run, clearError: clear };
}
