import 'i18next';
import type { Messages } from './nl';

// Makes t('...') keys type-checked against the Dutch catalogue.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
