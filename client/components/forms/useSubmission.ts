import { useCallback, useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../../api/client';
import type { ApiError } from '../../api/client';
import { useErrorMessage } from '../useErrorMessage';
import { translateFieldErrors } from './field-errors';
import type { FieldErrors } from './field-errors';
import type { SummaryItem } from './ErrorSummary';

export interface FieldInfo {
  /** The element id to link to from the error summary. */
  target: string;
  label: string;
}

export interface SubmissionOptions {
  /**
   * Which parts of a refusal are said at their fields (default: every field the server names,
   * translated). A form that says a refusal in words of its own returns {} for it.
   */
  fieldErrorsFor?: (error: ApiError, t: TFunction) => FieldErrors;
  /**
   * Forms without an error summary: after a failure, focus goes to the first of these fields
   * (path → element id) that has an error; otherwise to `summaryRef`, where that is set.
   */
  focusFields?: Record<string, string>;
  /** Told about a refusal by the server (not about local errors), e.g. to reload what changed meanwhile. */
  onFailure?: (error: ApiError) => void;
}

export interface Submission {
  busy: boolean;
  error: ApiError | undefined;
  /** The refusal when no field shows it: what a form without a summary says in a message. */
  failure: ApiError | undefined;
  fieldErrors: FieldErrors;
  summaryRef: RefObject<HTMLDivElement | null>;
  /** Runs `action` unless `localErrors` has entries; shows and focuses what went wrong. */
  submit: (action: () => Promise<void>, localErrors?: FieldErrors) => Promise<boolean>;
  /** The summary's message and items, or undefined when all is well. */
  summary: (fields: Record<string, FieldInfo>, messageFor?: (error: ApiError) => string | undefined) => { message: string; items: SummaryItem[] } | undefined;
  clear: () => void;
  /** Takes one field's error away (e.g. once something is typed there). */
  clearField: (path: string) => void;
}

/**
 * The state of one submission, a form's or a single button's: busy, the error, errors per field
 * and the error summary. A second press while the first runs is ignored.
 */
export function useSubmission(options: SubmissionOptions = {}): Submission {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [failures, setFailures] = useState(0);
  const summaryRef = useRef<HTMLDivElement | null>(null);
  // The submit button stays enabled (disabling it would drop keyboard focus); a second press
  // while the first submission runs is ignored instead.
  const running = useRef(false);
  // The latest options: a caller may pass a new object (or callback) on every render.
  const latest = useRef(options);
  latest.current = options;

  // Every failed attempt moves focus to what went wrong, also a second one with the same errors.
  useEffect(() => {
    if (failures === 0) return;
    const field = Object.entries(latest.current.focusFields ?? {}).find(([path]) => fieldErrors[path]);
    if (field) document.getElementById(field[1])?.focus();
    else summaryRef.current?.focus();
    // Only a new failure moves focus; the errors are read as they are then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [failures]);

  const submit = useCallback(
    async (action: () => Promise<void>, localErrors: FieldErrors = {}) => {
      if (Object.keys(localErrors).length > 0) {
        setError(undefined);
        setFieldErrors(localErrors);
        setFailures((n) => n + 1);
        return false;
      }
      if (running.current) return false;
      running.current = true;
      setBusy(true);
      try {
        await action();
        setError(undefined);
        setFieldErrors({});
        return true;
      } catch (caught) {
        const apiError = asApiError(caught);
        const { fieldErrorsFor = (e: ApiError) => translateFieldErrors(e.fields, t), onFailure } = latest.current;
        setError(apiError);
        setFieldErrors(fieldErrorsFor(apiError, t));
        setFailures((n) => n + 1);
        onFailure?.(apiError);
        return false;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [t],
  );

  const summary: Submission['summary'] = (fields, messageFor) => {
    const paths = Object.keys(fieldErrors);
    if (!error && paths.length === 0) return undefined;
    const items: SummaryItem[] = paths.map((path) => {
      // `milestones.0.date` links to the field registered for it, else to its nearest registered parent.
      const parts = path.split('.');
      let info: FieldInfo | undefined;
      for (let n = parts.length; n > 0 && !info; n--) info = fields[parts.slice(0, n).join('.')];
      return { target: info?.target ?? '', label: info?.label ?? t('form.otherField'), message: fieldErrors[path]! };
    });
    const message = error
      ? (messageFor?.(error) ?? (paths.length > 0 ? t('form.checkFields') : errorMessage(error)))
      : t('form.checkFields');
    return { message, items };
  };

  const clear = useCallback(() => {
    setError(undefined);
    setFieldErrors({});
  }, []);

  const clearField = useCallback((path: string) => {
    setFieldErrors((current) => {
      if (!(path in current)) return current;
      const { [path]: _gone, ...rest } = current;
      return rest;
    });
  }, []);

  const failure = error && Object.keys(fieldErrors).length === 0 ? error : undefined;
  return { busy, error, failure, fieldErrors, summaryRef, submit, summary, clear, clearField };
}
