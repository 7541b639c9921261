import { Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pollApi } from '../api/sessions';
import { TextField } from '../components/forms/TextField';
import type { BallotChoice } from '../../shared/live-table/polls';
import { newRecordingId } from '../../shared/schemas/on-behalf';
import type { PollView } from '../../shared/schemas/sessions';
import { onBehalfError } from '../pages/clause/OnBehalfChoice';
import { BallotForm } from './BallotForm';
import { usePollText } from './poll-text';

/**
 * For the facilitator, on an open consultative poll: record a vote for someone without an account
 * ("een jongere van Team Ed"). The same ballot form as a member's, with the description before it;
 * each recording is a voice of its own, so the form starts empty again after each one. The server
 * counts it apart ("inbreng namens") and the live results show it in their own table.
 */
export function OnBehalfVoteForm({ poll, announce }: { poll: PollView; announce: (message: string) => void }) {
  const { t } = useTranslation();
  const text = usePollText();
  const [description, setDescription] = useState('');
  // A new form after each recorded vote: the next person's choice starts empty.
  const [round, setRound] = useState(0);
  // One key per recording, kept until it is stored: sending it again after a lost answer records it once.
  const [recordingId, setRecordingId] = useState(newRecordingId);
  const descriptionRef = useRef<HTMLInputElement | null>(null);
  const prefix = `poll-${poll.id}-on-behalf`;
  const target = `${prefix}-description`;

  const cast = async (pollId: string, choice: BallotChoice): Promise<'received'> => {
    await pollApi.voteOnBehalf(pollId, recordingId, description.trim(), choice);
    setRecordingId(newRecordingId());
    setDescription('');
    setRound((n) => n + 1);
    return 'received';
  };
  // Ready for the next person: back to the description of the new, empty form (once it is mounted).
  useEffect(() => {
    if (round > 0) descriptionRef.current?.focus();
  }, [round]);

  return (
    <details className="dt-on-behalf dt-on-behalf-vote" data-testid="on-behalf-vote">
      <summary>{t('onBehalf.voteTitle')}</summary>
      <Paragraph appearance="small" className="dt-hint">
        {t('onBehalf.voteHint')}
      </Paragraph>
      <BallotForm
        key={round}
        poll={poll}
        mine={undefined}
        cast={cast}
        announce={announce}
        idPrefix={prefix}
        submitLabel={t('onBehalf.voteSubmit')}
        savedMessage={(choice) => t('onBehalf.voteRecorded', { description: description.trim(), choice: text.choiceText(poll, choice) })}
        extra={{
          field: 'onBehalfOf',
          target,
          label: t('onBehalf.description'),
          check: () => {
            const problem = onBehalfError({ checked: true, description });
            return problem ? t(`onBehalf.${problem}`) : undefined;
          },
          render: (error) => (
            <TextField
              id={target}
              inputRef={descriptionRef}
              label={t('onBehalf.description')}
              description={t('onBehalf.descriptionHint')}
              value={description}
              onChange={setDescription}
              maxLength={120}
              required
              error={error}
            />
          ),
        }}
      />
    </details>
  );
}
