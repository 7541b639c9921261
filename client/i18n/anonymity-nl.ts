// "Hoe anderen u zien": a client representative's choice to be shown without name. Written for a
// parent who represents clients: short sentences, no jargon.
export const anonymityNl = {
  title: 'Hoe anderen u zien',
  intro: 'U doet in dit traject mee als cliëntvertegenwoordiger. U kiest zelf of de anderen uw naam zien.',
  changesTitle: 'Wat verandert er als u dit aanzet?',
  changesLiveTable: 'Aan de live tafel en bij ‘Nu in dit artikel’ staat u als ‘een cliëntvertegenwoordiger’, zonder naam en zonder organisatie.',
  changesAttendance: 'In het verslag van een sessie staat u bij de aanwezigen ook als ‘een cliëntvertegenwoordiger’.',
  unchangedTitle: 'Wat blijft hetzelfde?',
  unchangedMembership: 'Het inkoopteam weet nog steeds dat u meedoet aan dit traject.',
  unchangedComments: 'Een reactie is alleen zonder naam als u dat bij die reactie aanvinkt.',
  label: 'Toon mij aan anderen als ‘een cliëntvertegenwoordiger’, zonder naam',
  hint: 'Dit geldt alleen voor dit traject. U kunt het altijd weer veranderen.',
  save: 'Opslaan',
  savedAnonymous: 'Opgeslagen. Anderen zien u nu als ‘een cliëntvertegenwoordiger’.',
  savedNamed: 'Opgeslagen. Anderen zien nu weer uw naam.',
};
