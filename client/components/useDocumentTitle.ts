import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

// Each screen gets its own <title>: it is the first thing a screen reader announces after
// navigation and what a user sees in tabs and history (WCAG 2.4.2).
export function useDocumentTitle(page?: string): void {
  const { t } = useTranslation();
  const title = page ? t('app.documentTitle', { page }) : t('app.name');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
