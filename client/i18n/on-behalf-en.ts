import type { onBehalfNl } from './on-behalf-nl';

export const onBehalfEn: typeof onBehalfNl = {
  choice: 'Record on behalf of someone else',
  choiceHint: 'For someone without an account, for example a young person of Team Ed. The input is counted apart as ‘input on behalf’ and the log names you as the one who recorded it.',
  description: 'On whose behalf?',
  descriptionHint: 'A short description, not a name, for example ‘a young person of Team Ed’ (3 to 120 characters).',
  tooShort: 'Describe on whose behalf, in at least 3 characters.',
  tooLong: 'The description is too long: at most 120 characters.',
  marked: 'Recorded on behalf of {{description}}',
  recordedBy: 'recorded by {{name}}',
  group: 'Input on behalf',
  posted: 'Your comment on behalf of {{description}} has been posted.',
};
