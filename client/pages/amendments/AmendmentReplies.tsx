import {
  Button,
  ButtonGroup,
  Checkbox,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading4,
  Paragraph,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { amendmentApi } from '../../api/revisions';
import { FailureAlert } from '../../components/FailureAlert';
import { TextAreaField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
import { formatDateTime } from '../../format/dates';
import type { AmendmentDto } from '../../../shared/schemas/agreement';
import { useRevisionErrorMessage } from './revision-errors';
import type { AuthorText } from './author-text';

export interface AmendmentRepliesProps {
  trajectoryId: string;
  amendment: AmendmentDto;
  /** Whether to offer the reply form (the clause is open and the person sits at the table). */
  mayReply: boolean;
  /** Client representatives may reply anonymously. */
  mayBeAnonymous: boolean;
  authorText: AuthorText;
  onReplied: (amendment: AmendmentDto) => void;
  announce: (message: string) => void;
}

/** The conversation about one proposal, oldest first, and a way to join it. */
export function AmendmentReplies({ trajectoryId, amendment, mayReply, mayBeAnonymous, authorText, onReplied, announce }: AmendmentRepliesProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useRevisionErrorMessage();
  const headingId = `amendment-${amendment.id}-replies`;
  const fieldId = `amendment-${amendment.id}-reply`;
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  // A refusal by the server is said in a message; only an empty reply is said at the field.
  const submission = useSubmission({ fieldErrorsFor: () => ({}), focusFields: { body: fieldId } });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await submission.submit(
      async () => {
        const updated = await amendmentApi.reply(trajectoryId, amendment.id, { body: body.trim(), anonymous: mayBeAnonymous && anonymous });
        setBody('');
        setAnonymous(false);
        onReplied(updated);
        announce(t('revisions.amendments.announce.replied'));
      },
      body.trim() ? {} : { body: t('revisions.amendments.replies.required') },
    );
  };

  return (
    <div className="dt-amendment__replies">
      <Heading4 id={headingId}>{t('revisions.amendments.replies.title', { count: amendment.replies.length })}</Heading4>
      {amendment.replies.length === 0 ? (
        <Paragraph appearance="small">{t('revisions.amendments.replies.none')}</Paragraph>
      ) : (
        <ol className="dt-amendment__reply-list" data-testid="amendment-replies">
          {amendment.replies.map((reply) => (
            <li key={reply.id} className="dt-amendment__reply">
              <Paragraph appearance="small" className="dt-amendment__reply-meta">
                {t('revisions.amendments.replies.by', {
                  who: authorText(reply.author, { atStart: true }),
                  date: formatDateTime(reply.createdAt, i18n.language),
                })}
              </Paragraph>
              <Paragraph className="dt-preformatted">{reply.body}</Paragraph>
            </li>
          ))}
        </ol>
      )}
      {mayReply && (
        <details className="dt-amendment__reply-form">
          <summary>{t('revisions.amendments.replies.write')}</summary>
          <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form">
            {submission.failure && <FailureAlert message={errorMessage(submission.failure)} focusRef={submission.summaryRef} focusClassName="dt-revisions-error" />}
            <TextAreaField
              id={fieldId}
              label={t('revisions.amendments.replies.label')}
              value={body}
              onChange={(value) => {
                setBody(value);
                if (value.trim()) submission.clearField('body');
              }}
              rows={3}
              required
              error={submission.fieldErrors.body}
            />
            {mayBeAnonymous && (
              <FormField type="checkbox" className="dt-choice">
                <Checkbox
                  id={`${fieldId}-anonymous`}
                  checked={anonymous}
                  onChange={(event) => setAnonymous(event.target.checked)}
                  aria-describedby={`${fieldId}-anonymous-hint`}
                  className="utrecht-form-field__input"
                />
                <FormLabel htmlFor={`${fieldId}-anonymous`} type="checkbox" checked={anonymous} className="utrecht-form-field__label">
                  {t('revisions.amendments.replies.anonymous')}
                </FormLabel>
                <FormFieldDescription id={`${fieldId}-anonymous-hint`} className="utrecht-form-field__description">
                  {t('revisions.amendments.replies.anonymousHint')}
                </FormFieldDescription>
              </FormField>
            )}
            <ButtonGroup>
              <Button type="submit" appearance="secondary-action-button" busy={submission.busy}>
                {t('revisions.amendments.replies.submit')}
              </Button>
            </ButtonGroup>
          </form>
        </details>
      )}
    </div>
  );
}
