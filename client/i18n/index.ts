import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { nl } from './nl';
import { defaultLanguage, isLanguage, languages, readStoredLanguage, storeLanguage } from './languages';
import type { Language } from './languages';

const resources = {
  nl: { translation: nl },
  en: { translation: en },
} as const;

// Screen readers pick their pronunciation from <html lang>, so it must follow every switch.
i18n.on('languageChanged', (language) => {
  if (isLanguage(language)) document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources,
  lng: readStoredLanguage(),
  fallbackLng: defaultLanguage,
  supportedLngs: [...languages],
  // The catalogues are bundled, so initialise synchronously: the first render is already translated.
  initAsync: false,
  // React escapes text itself.
  interpolation: { escapeValue: false },
});

export async function changeLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  await i18n.changeLanguage(language);
}
