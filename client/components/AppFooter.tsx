import { PageFooter, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

export function AppFooter() {
  const { t } = useTranslation();
  return (
    <PageFooter>
      <div className="utrecht-page-footer__content dt-footer">
        <Paragraph className="dt-footer__name">
          <strong>{t('app.name')}</strong> – {t('app.tagline')}
        </Paragraph>
        <Paragraph appearance="small">{t('footer.privacy')}</Paragraph>
      </div>
    </PageFooter>
  );
}
