/** What a person sees when a limit of the server stops them (server/limits). */
export const limitsNl = {
  connection: {
    too_many_connections: 'U heeft Dialoogtafel in te veel tabbladen of vensters tegelijk open. Sluit er een paar en laad deze pagina opnieuw.',
    session_expired: 'U bent uitgelogd omdat uw sessie is verlopen. Log opnieuw in om verder te gaan.',
  },
  document: {
    document_too_large: 'Deze tekst is te groot geworden. Uw laatste wijziging is niet opgeslagen. Maak de tekst korter of verdeel hem over meer artikelen, en laad de pagina opnieuw.',
    too_many_connections: 'U heeft te veel teksten tegelijk open. Sluit een paar tabbladen of vensters en laad deze pagina opnieuw.',
    rate_limited: 'Er kwamen te veel wijzigingen in korte tijd binnen. De verbinding wordt zo vanzelf hersteld; er gaat niets verloren.',
  },
};
