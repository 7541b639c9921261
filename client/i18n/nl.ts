// Dutch is the default and fallback language. Write for everyone at the table: a civil
// servant, a one-person practice and a parent must all understand it at first reading.
export const nl = {
  app: {
    name: 'Dialoogtafel',
    documentTitle: '{{page}} – Dialoogtafel',
    tagline: 'Samen aan tafel voor de inkoop van jeugdhulp',
  },
  skipLink: 'Direct naar de inhoud',
  language: {
    label: 'Taal',
    nl: 'Nederlands',
    en: 'English',
  },
  connection: {
    label: 'Verbinding',
    connecting: 'Verbinden…',
    connected: 'Verbonden',
    reconnecting: 'Opnieuw verbinden…',
    offline: 'Geen verbinding',
  },
  home: {
    intro:
      'Dialoogtafel is de plek waar gemeenten, zorgaanbieders en cliëntvertegenwoordigers samen aan tafel zitten. Samen werken zij aan de inkoop van jeugdhulp in hun regio.',
    signIn: 'Inloggen',
    signInSoon: 'Inloggen is nog niet mogelijk. Dit komt binnenkort.',
  },
  signIn: {
    title: 'Inloggen',
    body: 'Inloggen is nog niet mogelijk. Dit komt binnenkort.',
  },
  notFound: {
    title: 'Pagina niet gevonden',
    body: 'Deze pagina bestaat niet (meer). Controleer het adres of ga naar de startpagina.',
  },
  backToHome: 'Naar de startpagina',
  footer: {
    privacy: 'Dialoogtafel bewaart geen gegevens over kinderen of gezinnen.',
  },
};

// `en` is typed against this shape, so a key missing from either catalogue fails the type check.
export type Messages = typeof nl;
