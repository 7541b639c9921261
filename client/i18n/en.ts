import type { Messages } from './nl';

export const en: Messages = {
  app: {
    name: 'Dialoogtafel',
    documentTitle: '{{page}} – Dialoogtafel',
    tagline: 'Together at the table for buying youth care',
  },
  skipLink: 'Skip to main content',
  language: {
    label: 'Language',
    nl: 'Nederlands',
    en: 'English',
  },
  connection: {
    label: 'Connection',
    connecting: 'Connecting…',
    connected: 'Connected',
    reconnecting: 'Reconnecting…',
    offline: 'No connection',
  },
  home: {
    intro:
      'Dialoogtafel is the place where municipalities, youth-care providers and client representatives sit at the table together. Together they work on buying youth care in their region.',
    signIn: 'Sign in',
    signInSoon: 'Signing in is not possible yet. It is coming soon.',
  },
  signIn: {
    title: 'Sign in',
    body: 'Signing in is not possible yet. It is coming soon.',
  },
  notFound: {
    title: 'Page not found',
    body: 'This page does not exist (anymore). Check the address or go to the start page.',
  },
  backToHome: 'Go to the start page',
  footer: {
    privacy: 'Dialoogtafel stores no data about children or families.',
  },
};
