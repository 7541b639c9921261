/** The summary in plain language (B1) of a topic or a clause. */
export const plainSummaryNl = {
  title: 'In gewone taal',
  readAloud: 'Voorlezen',
  stopReading: 'Stoppen met voorlezen',
  write: 'Samenvatting in gewone taal schrijven',
  change: 'Samenvatting in gewone taal wijzigen',
  label: 'Samenvatting in gewone taal (B1)',
  hint: 'Een paar korte zinnen in eenvoudige woorden, zodat iedereen aan tafel kan meepraten. Cliëntvertegenwoordigers zien deze samenvatting als eerste. Maak het veld leeg om de samenvatting te verwijderen. Hoogstens {{max}} tekens.',
  tooLong: 'De samenvatting is te lang: hoogstens {{max}} tekens.',
  save: 'Samenvatting opslaan',
  saved: 'De samenvatting in gewone taal is opgeslagen.',
  removed: 'De samenvatting in gewone taal is verwijderd.',
};
