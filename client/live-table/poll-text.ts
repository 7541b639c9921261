import { useTranslation } from 'react-i18next';
import type { BallotChoice, StakeholderGroup } from '../../shared/live-table/polls';
import type { PollView } from '../../shared/schemas/sessions';
import { consentOptions } from '../../shared/live-table/polls';

const isConsentOption = (id: string): id is (typeof consentOptions)[number] => (consentOptions as readonly string[]).includes(id);

/** Poll wording in the user's language: option labels, a ballot in words, groups. */
export function usePollText() {
  const { t } = useTranslation();

  /** Consent options are fixed and translated; other options are what the facilitator wrote. */
  const optionLabel = (poll: Pick<PollView, 'kind' | 'options'>, optionId: string): string => {
    if (poll.kind === 'consent' && isConsentOption(optionId)) return t(`sessions.poll.consent.${optionId}`);
    return poll.options.find((option) => option.id === optionId)?.label ?? optionId;
  };

  const choiceText = (poll: Pick<PollView, 'kind' | 'options'>, choice: BallotChoice): string => {
    switch (choice.kind) {
      case 'consent':
        return choice.reason?.trim()
          ? `${optionLabel(poll, choice.option)} (${t('sessions.poll.results.ballotReason', { reason: choice.reason.trim() })})`
          : optionLabel(poll, choice.option);
      case 'single_choice':
        return optionLabel(poll, choice.option);
      case 'multiple_choice':
        return choice.options.map((id) => optionLabel(poll, id)).join(', ');
      case 'ranking':
        return choice.ranking.map((id, index) => `${index + 1}. ${optionLabel(poll, id)}`).join(', ');
      case 'dot_voting':
        return Object.entries(choice.points)
          .filter(([, points]) => points > 0)
          .map(([id, points]) => `${optionLabel(poll, id)}: ${points}`)
          .join(', ');
    }
  };

  const group = (g: StakeholderGroup) => t(`groups.${g}`);

  const whoVotes = (poll: Pick<PollView, 'eligibleGroups'>) =>
    t('sessions.poll.whoVotes', {
      groups: poll.eligibleGroups.length ? poll.eligibleGroups.map(group).join(', ') : t('sessions.poll.everyone'),
    });

  return { optionLabel, choiceText, group, whoVotes };
}

/** `part` of `whole` as a whole percentage; 0 when there is no whole. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}
