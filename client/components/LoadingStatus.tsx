import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

/** Shown while a screen loads; a status region so that screen readers hear it too. */
export function LoadingStatus({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="dt-loading">
      <Paragraph>{label ?? t('loading')}</Paragraph>
    </div>
  );
}
