import { Button } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n';
import { languages } from '../i18n/languages';

// Each language is named in itself (and marked with its lang) so that someone who cannot read
// the current language still recognises their own.
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div role="group" aria-label={t('language.label')} className="dt-language-switch">
      {languages.map((language) => (
        <Button
          key={language}
          appearance="subtle-button"
          lang={language}
          pressed={i18n.resolvedLanguage === language}
          onClick={() => void changeLanguage(language)}
        >
          {t(`language.${language}`)}
        </Button>
      ))}
    </div>
  );
}
