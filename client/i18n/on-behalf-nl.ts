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
  // A reaction in a consultation on someone's behalf.
  reactionTitle: 'Reactie namens iemand zonder account',
  reactionLabel: 'De reactie op artikel {{number}}',
  reactionSubmit: 'Reactie namens iemand vastleggen',
  reactionDone: 'De reactie namens {{description}} is vastgelegd.',
  // A vote in a consultative poll on someone's behalf.
  voteTitle: 'Stem namens iemand zonder account',
  voteHint: 'Alleen bij een adviserende peiling. De stem telt apart als ‘inbreng namens’, nooit bij een groep die beslist, en u staat in het logboek als degene die haar vastlegde. Elke vastgelegde stem is een eigen stem.',
  voteShow: 'Stem namens iemand vastleggen',
  voteSubmit: 'Stem vastleggen',
  voteRecorded: 'De stem namens {{description}} is vastgelegd: {{choice}}. Die telt apart als ‘inbreng namens’.',
  // The results, apart from the groups.
  resultsCaption: 'Inbreng namens (apart geteld, niet in de uitslag of de groepen)',
  resultsCount_one: '{{count}} stem namens iemand zonder account',
  resultsCount_other: '{{count}} stemmen namens iemand zonder account',
  inputsHeading: 'Namens wie',
  inputChoice: '{{description}}: {{choice}}',
};
