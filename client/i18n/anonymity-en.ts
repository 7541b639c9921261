import type { anonymityNl } from './anonymity-nl';

export const anonymityEn: typeof anonymityNl = {
  title: 'How others see you',
  intro: 'You take part in this trajectory as a client representative. You choose whether the others see your name.',
  changesTitle: 'What changes when you turn this on?',
  changesLiveTable: 'At the live table and under ‘In this clause now’ you are shown as ‘a client representative’, without your name or organisation.',
  changesAttendance: 'In a session report, the attendance also lists you as ‘a client representative’.',
  unchangedTitle: 'What stays the same?',
  unchangedMembership: 'The procurement team still knows that you take part in this trajectory.',
  unchangedComments: 'A comment is only without your name if you tick that for the comment itself.',
  label: 'Show me to others as ‘a client representative’, without my name',
  hint: 'This applies to this trajectory only. You can change it at any time.',
  save: 'Save',
  savedAnonymous: 'Saved. Others now see you as ‘a client representative’.',
  savedNamed: 'Saved. Others see your name again.',
};
