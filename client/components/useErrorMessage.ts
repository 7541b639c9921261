import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';

/** The user's-language message for an API error, chosen by its code (never the server's English text). */
export function useErrorMessage(): (error: ApiError) => string {
  const { t } = useTranslation();
  return useCallback((error: ApiError) => t(`errors.${error.code}`), [t]);
}
