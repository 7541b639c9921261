import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { nl } from './nl';
import { defaultLanguage, isLanguage, languages, readStoredLanguage, storeLanguage } from './languages';
import type { Language } from './languages';

// Screen readers pick their pronunciation from <html lang>, so it must follow every switch.
i18n.on('languageChanged', (language) => {
  if (isLanguage(language)) document.documentElement.lang = language;
});

// Dutch is bundled and initialised synchronously: the first render is already translated.
void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl } },
  lng: defaultLanguage,
  fallbackLng: defaultLanguage,
  supportedLngs: [...languages],
  initAsync: false,
  // React escapes text itself.
  interpolation: { escapeValue: false },
});

/** The other catalogues are separate chunks, fetched only when someone chooses that language. */
const catalogues: Partial<Record<Language, () => Promise<object>>> = {
  en: () => import('./en').then((module) => module.en),
};

/**
 * The Dutch texts of the pages behind the first page (./nl-features.ts), fetched once, together
 * with the first such page (lazyPage awaits this beside the page's code), so the sign-in page
 * stays light. Merged into the Dutch catalogue, which is also every language's fallback.
 */
let pageTexts: Promise<void> | undefined;
export function loadPageTexts(): Promise<void> {
  pageTexts ??= import('./nl-features').then(
    ({ nlFeatures }) => {
      i18n.addResourceBundle(defaultLanguage, 'translation', nlFeatures, true, false);
    },
    (error: unknown) => {
      pageTexts = undefined; // a later page may try again
      throw error;
    },
  );
  return pageTexts;
}

async function loadCatalogue(language: Language): Promise<void> {
  const load = catalogues[language];
  if (!load || i18n.hasResourceBundle(language, 'translation')) return;
  i18n.addResourceBundle(language, 'translation', await load());
}

/**
 * Before the first render: the language chosen on an earlier visit, loaded first when it is not
 * Dutch. If its catalogue cannot be fetched, the page shows in Dutch rather than not at all.
 */
export async function startI18n(): Promise<void> {
  const stored = readStoredLanguage();
  if (stored === defaultLanguage) return;
  try {
    await loadCatalogue(stored);
    await i18n.changeLanguage(stored);
  } catch {
    // Dutch it is.
  }
}

export async function changeLanguage(language: Language): Promise<void> {
  await loadCatalogue(language);
  storeLanguage(language);
  await i18n.changeLanguage(language);
}
