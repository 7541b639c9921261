/** Input on someone's behalf (issue 16): recorded by the facilitator or the procurement team. */
export const onBehalfNl = {
  choice: 'Namens iemand anders inbrengen',
  choiceHint: 'Voor iemand zonder account, bijvoorbeeld een jongere van Team Ed. De inbreng telt apart mee als ‘inbreng namens’ en u staat in het logboek als degene die het vastlegde.',
  description: 'Namens wie?',
  descriptionHint: 'Een korte omschrijving, geen naam, bijvoorbeeld ‘een jongere van Team Ed’ (3 tot 120 tekens).',
  tooShort: 'Beschrijf namens wie, in minstens 3 tekens.',
  tooLong: 'De omschrijving is te lang: hoogstens 120 tekens.',
  marked: 'Ingebracht namens {{description}}',
  recordedBy: 'vastgelegd door {{name}}',
  group: 'Inbreng namens',
  posted: 'Uw reactie namens {{description}} is geplaatst.',
};
