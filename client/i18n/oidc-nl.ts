// Signing in with the organisation's own account (OpenID Connect).
export const oidcNl = {
  button: 'Inloggen met uw organisatie-account',
  orPassword: 'Of inloggen met wachtwoord',
  introOnly: 'Log in met het account van uw eigen organisatie.',
  refused: {
    expired: 'Het inloggen is verlopen of in een ander venster begonnen. Probeer het opnieuw.',
    mismatch: 'Het inloggen kon niet veilig worden afgerond. Probeer het opnieuw.',
    provider: 'Uw organisatie heeft u niet ingelogd. Probeer het opnieuw, of vraag uw eigen ICT-afdeling om hulp.',
    unavailable: 'De inlogdienst van uw organisatie is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.',
    unverified_email:
      'Uw organisatie heeft uw e-mailadres niet bevestigd. Daarom kunnen wij het niet aan een account koppelen. Vraag uw eigen ICT-afdeling om hulp.',
    no_account:
      'Er is geen account bij Dialoogtafel voor het e-mailadres van uw organisatie-account. U krijgt toegang met een uitnodiging van het inkoopteam.',
    invitation:
      'Deze uitnodiging kunt u niet gebruiken: ze is verlopen, ingetrokken of al gebruikt, of ze is voor een ander e-mailadres dan dat van uw organisatie-account.',
    not_configured: 'Inloggen met een organisatie-account is hier niet ingesteld.',
  },
  invitationTitle: 'Aannemen met uw organisatie-account',
  invitationIntro: 'Werkt u bij een organisatie met een eigen inlogdienst? Neem de uitnodiging dan aan met dat account. Het e-mailadres moet {{email}} zijn.',
  passwordsOffError: 'Inloggen met een wachtwoord staat hier uit. Log in met uw organisatie-account.',
  passwordsOff: 'Inloggen met een wachtwoord staat hier uit. Neem de uitnodiging aan met uw organisatie-account.',
};
