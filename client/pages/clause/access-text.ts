import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClauseStatus } from '../../../shared/domain/agreement';
import { clauseWriters, type ClauseAccess } from '../../../shared/policy';
import { joinNames } from '../agreement/agreement-helpers';

/**
 * One sentence that says what the person may do with the clause now, and why not more: who
 * writes in this stage follows from the same rule the server applies (shared/policy).
 */
export function useAccessText(): (access: ClauseAccess, status: ClauseStatus) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (access: ClauseAccess, status: ClauseStatus) => {
      if (access === 'edit') return t('agreement.clause.access.edit');
      if (access === 'read') return t('agreement.clause.access.read');
      const writers = clauseWriters(status);
      if (writers.length === 0) return t('agreement.clause.access.commentNobody');
      const names = joinNames(
        writers.map((role) => t(`agreement.clause.writers.${role}`)),
        i18n.language,
      );
      const rule = writers.length === 1 ? t('agreement.clause.writersOne', { writers: names }) : t('agreement.clause.writersMany', { writers: names });
      return t('agreement.clause.access.comment', { rule });
    },
    [t, i18n.language],
  );
}
