export const planningEn = {
  edit: 'Edit the planning',
  editIntro: 'Change phases (status, start and end date) and milestones. Everyone in the trajectory is notified; the question deadline follows the "Deadline for questions" milestone.',
  save: 'Save the planning',
  cancel: 'Cancel',
  saved: 'The planning has been saved. Participants are notified.',
  phaseStartsOn: 'Starts on (optional)',
  phaseEndsOn: 'Ends on (optional)',
  phaseDates: 'from {{from}} through {{to}}',
  phaseFrom: 'from {{from}}',
  phaseUntil: 'through {{to}}',
};
