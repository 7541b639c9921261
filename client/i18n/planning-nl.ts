export const planningNl = {
  edit: 'Planning bewerken',
  editIntro: 'Wijzig fasen (stand van zaken, begin- en einddatum) en mijlpalen. Wie aan het traject deelneemt, krijgt een melding; de deadline voor vragen volgt de mijlpaal "Deadline voor vragen".',
  save: 'Planning opslaan',
  cancel: 'Annuleren',
  saved: 'De planning is opgeslagen. Deelnemers krijgen een melding.',
  phaseStartsOn: 'Begint op (niet verplicht)',
  phaseEndsOn: 'Eindigt op (niet verplicht)',
  phaseDates: 'van {{from}} tot en met {{to}}',
  phaseFrom: 'vanaf {{from}}',
  phaseUntil: 'tot en met {{to}}',
};
