import { Button, ButtonGroup, Heading3, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { consultationApi, consultationConflict } from '../../api/consultations';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorFor } from '../../components/forms/field-errors';
import { TextAreaField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
import { RouterLink } from '../../components/RouterLink';
import { formatDateTime } from '../../format/dates';
import type { ReactionDto } from '../../../shared/schemas/consultations';
import { amendmentsPath, versionsPath } from '../amendments/RevisionsHeader';
import { authorLabel } from './consultation-helpers';

export interface ReactionCardProps {
  trajectoryId: string;
  consultationId: string;
  reaction: ReactionDto;
  /** Whether the response (if any) is for the viewer to read now. */
  showResponse: boolean;
  /** Shown below the reaction: the team's response form. */
  children?: ReactNode;
  onChanged: (reaction: ReactionDto) => void;
  onWithdrawn: (reaction: ReactionDto) => void;
  /** The server refused a change (closed or answered meanwhile): load again. */
  onStale: () => void;
  /** Makes the card's ids unique where the same reaction is shown twice (its outcome above, the reactienota below). */
  idPrefix?: string;
}

/** One reaction: who gave it, the text, and the response or where it stands; its author may change or withdraw it while open. */
export function ReactionCard({ trajectoryId, consultationId, reaction, showResponse, children, onChanged, onWithdrawn, onStale, idPrefix = 'reaction' }: ReactionCardProps) {
  const { t, i18n } = useTranslation();
  const headingId = `${idPrefix}-${reaction.id}`;
  const [editing, setEditing] = useState(false);
  return (
    <li className="dt-card dt-consultation__reaction" aria-labelledby={headingId} data-testid="reaction" data-mine={reaction.mine ? 'true' : undefined}>
      <div className="dt-consultation__head">
        <Heading3 id={headingId} className="dt-card__title">
          {authorLabel(reaction, t)}
        </Heading3>
        {reaction.response && showResponse ? (
          <StatusBadge status={reaction.response.outcome === 'not_adopted' ? 'warning' : 'safe'} className="dt-badge" data-testid="reaction-outcome">
            {t(`consultation.outcome.${reaction.response.outcome}`)}
          </StatusBadge>
        ) : null}
      </div>
      <Paragraph appearance="small" className="dt-hint">
        {t('consultation.reactedOn', { date: formatDateTime(reaction.createdAt, i18n.language) })}
      </Paragraph>
      {editing ? (
        <EditReaction trajectoryId={trajectoryId} consultationId={consultationId} reaction={reaction} onDone={(updated) => { setEditing(false); if (updated) onChanged(updated); }} onStale={onStale} />
      ) : (
        <Paragraph className="dt-preformatted dt-consultation__text" data-testid="reaction-text">
          {reaction.text}
        </Paragraph>
      )}
      {showResponse && reaction.response && (
        <div className="dt-consultation__response" data-testid="reaction-response">
          <Paragraph>
            <strong>{t('consultation.nota.response')}</strong>
          </Paragraph>
          <Paragraph className="dt-preformatted">{reaction.response.text}</Paragraph>
          {reaction.response.amendment && (
            <Paragraph>
              <RouterLink to={amendmentsPath(trajectoryId)}>{t('consultation.nota.seeAmendment', { title: reaction.response.amendment.clauseTitle })}</RouterLink>
            </Paragraph>
          )}
          {reaction.response.version && (
            <Paragraph>
              <RouterLink to={`${versionsPath(trajectoryId)}/${reaction.response.version.id}`}>{t('consultation.nota.seeVersion', { name: reaction.response.version.name })}</RouterLink>
            </Paragraph>
          )}
        </div>
      )}
      {reaction.mine && !showResponse && (
        <Paragraph className="dt-hint" data-testid="reaction-waiting">
          {reaction.answered ? t('consultation.mine.answeredWaiting') : t('consultation.mine.waiting')}
        </Paragraph>
      )}
      {reaction.mayEdit && !editing && (
        <OwnActions trajectoryId={trajectoryId} consultationId={consultationId} reaction={reaction} headingId={headingId} onEdit={() => setEditing(true)} onWithdrawn={onWithdrawn} onStale={onStale} />
      )}
      {children}
    </li>
  );
}

function EditReaction({ trajectoryId, consultationId, reaction, onDone, onStale }: { trajectoryId: string; consultationId: string; reaction: ReactionDto; onDone: (updated?: ReactionDto) => void; onStale: () => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [text, setText] = useState(reaction.text);
  const id = `edit-${reaction.id}`;
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    let updated: ReactionDto | undefined;
    let stale = false;
    const ok = await submission.submit(
      async () => {
        try {
          updated = await consultationApi.edit(trajectoryId, consultationId, reaction.id, { text: text.trim() });
        } catch (caught) {
          stale = consultationConflict(caught) !== undefined;
          throw caught;
        }
      },
      text.trim() ? {} : { text: t('consultation.react.required') },
    );
    if (ok && updated) onDone(updated);
    else if (stale) onStale();
  };
  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form" data-testid="edit-reaction">
      {submission.error && !Object.keys(submission.fieldErrors).length && <ErrorAlert error={submission.error} />}
      <TextAreaField id={id} label={t('consultation.mine.editLabel')} value={text} onChange={setText} rows={4} required error={errorFor(submission.fieldErrors, 'text')} autoFocus />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
          {t('consultation.mine.save')}
        </Button>
        <Button appearance="secondary-action-button" onClick={() => onDone()}>
          {t('consultation.mine.cancelEdit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

function OwnActions({ trajectoryId, consultationId, reaction, headingId, onEdit, onWithdrawn, onStale }: { trajectoryId: string; consultationId: string; reaction: ReactionDto; headingId: string; onEdit: () => void; onWithdrawn: (r: ReactionDto) => void; onStale: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const withdraw = async () => {
    await consultationApi.withdraw(trajectoryId, consultationId, reaction.id);
    setConfirming(false);
    onWithdrawn(reaction);
  };
  return (
    <>
      <ButtonGroup>
        <Button appearance="secondary-action-button" onClick={onEdit} aria-describedby={headingId}>
          {t('consultation.mine.edit')}
        </Button>
        <Button appearance="subtle-button" onClick={() => setConfirming(true)} aria-describedby={headingId}>
          {t('consultation.mine.withdraw')}
        </Button>
      </ButtonGroup>
      <ConfirmDialog
        open={confirming}
        title={t('consultation.mine.confirmWithdrawTitle')}
        confirmLabel={t('consultation.mine.confirmWithdrawSubmit')}
        onConfirm={withdraw}
        onError={(error) => {
          if (consultationConflict(error)) onStale();
        }}
        onClose={() => setConfirming(false)}
      >
        <Paragraph>{t('consultation.mine.confirmWithdraw', { number: reaction.clauseNumber })}</Paragraph>
      </ConfirmDialog>
    </>
  );
}
