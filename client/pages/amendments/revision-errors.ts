import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';

/**
 * Dutch (or English) words for what went wrong with an amendment or a restore. The server
 * answers several different conflicts with the same code (409); its English message says which,
 * so that is what is matched here, falling back to the general message for the code.
 */
export function useRevisionErrorMessage(): (error: ApiError) => string {
  const { t } = useTranslation();
  const general = useErrorMessage();
  return useCallback(
    (error: ApiError) => {
      const message = error.message ?? '';
      if (error.code === 'conflict') {
        if (/changed since/i.test(message)) return t('revisions.amendments.errors.changedSince');
        if (/decided already/i.test(message)) return t('revisions.amendments.errors.decidedAlready');
        if (/text does not change/i.test(message)) return t('revisions.versions.restore.fixed');
        if (/fixed/i.test(message)) return t('revisions.amendments.errors.fixed');
      }
      if (error.code === 'forbidden' && /only the author/i.test(message)) return t('revisions.amendments.errors.onlyAuthor');
      if (error.code === 'validation_failed' && error.fields && Object.values(error.fields).some((m) => /does not contain the clause/i.test(m))) {
        return t('revisions.versions.restore.notInVersion');
      }
      return general(error);
    },
    [t, general],
  );
}
