import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';
import { conflictReason } from './report-helpers';

/** The report's own words for a conflict (published, made already, not held), or undefined for any other error. */
export function useReportConflictMessage(): (error: ApiError) => string | undefined {
  const { t } = useTranslation();
  return useCallback((error: ApiError) => {
    const reason = conflictReason(error);
    return reason ? t(`reports.conflict.${reason}`) : undefined;
  }, [t]);
}

/** Words for whatever went wrong with a write on the report page: its own for a conflict, else the general ones per code. */
export function useReportErrorMessage(): (error: ApiError) => string {
  const conflict = useReportConflictMessage();
  const general = useErrorMessage();
  return useCallback((error: ApiError) => conflict(error) ?? general(error), [conflict, general]);
}
