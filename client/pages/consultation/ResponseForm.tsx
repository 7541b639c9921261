import { Button, ButtonGroup, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { consultationApi } from '../../api/consultations';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { errorFor } from '../../components/forms/field-errors';
import type { FieldErrors } from '../../components/forms/field-errors';
import { SelectField } from '../../components/forms/SelectField';
import { describedBy, FieldFrame, TextAreaField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
import { responseOutcomes, type ResponseOutcome } from '../../../shared/domain/consultation';
import type { ReactionDto } from '../../../shared/schemas/consultations';
import { maxReactionLength } from './consultation-helpers';

/** What the team may point a response to: amendments and versions of the trajectory. */
export interface ResponseLinks {
  amendments: Array<{ id: string; label: string }>;
  versions: Array<{ id: string; label: string }>;
}

export interface ResponseFormProps {
  trajectoryId: string;
  consultationId: string;
  reaction: ReactionDto;
  links: ResponseLinks;
  onSaved: (reaction: ReactionDto) => void;
}

const encodeLink = (response: ReactionDto['response']) =>
  response?.amendment ? `amendment:${response.amendment.id}` : response?.version ? `version:${response.version.id}` : '';

/** The procurement team's response to one reaction: what was done with it, in words, and optionally where. */
export function ResponseForm({ trajectoryId, consultationId, reaction, links, onSaved }: ResponseFormProps) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const id = `response-${reaction.id}`;
  const [outcome, setOutcome] = useState<string>(reaction.response?.outcome ?? '');
  const [text, setText] = useState(reaction.response?.text ?? '');
  const [link, setLink] = useState(encodeLink(reaction.response));
  const [saved, setSaved] = useState(false);

  // A colleague's saved response comes in live, unless this person is writing one.
  const serverText = reaction.response?.text ?? '';
  useEffect(() => {
    if (!text.trim() && serverText) {
      setText(serverText);
      setOutcome(reaction.response?.outcome ?? '');
      setLink(encodeLink(reaction.response));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serverText]);

  const localErrors = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (!outcome) errors.outcome = t('fieldError.required');
    if (!text.trim()) errors.text = t('consultation.team.required');
    else if (text.trim().length > maxReactionLength) errors.text = t('fieldError.tooLong');
    return errors;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    let updated: ReactionDto | undefined;
    const [kind, linkId] = link.split(':');
    const ok = await submission.submit(async () => {
      updated = await consultationApi.respond(trajectoryId, consultationId, reaction.id, {
        text: text.trim(),
        outcome: outcome as ResponseOutcome,
        amendmentId: kind === 'amendment' && linkId ? linkId : null,
        versionId: kind === 'version' && linkId ? linkId : null,
      });
    }, localErrors());
    if (ok && updated) {
      setSaved(true);
      onSaved(updated);
    }
  };

  const summary = submission.summary({
    outcome: { target: `${id}-outcome`, label: t('consultation.team.outcome') },
    text: { target: `${id}-text`, label: t('consultation.team.response') },
    amendmentId: { target: `${id}-link`, label: t('consultation.team.link') },
    versionId: { target: `${id}-link`, label: t('consultation.team.link') },
  });
  const linkError = errorFor(submission.fieldErrors, 'amendmentId') ?? errorFor(submission.fieldErrors, 'versionId');

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form dt-consultation__response-form" data-testid="response-form">
      {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
      <SelectField
        id={`${id}-outcome`}
        label={t('consultation.team.outcome')}
        value={outcome}
        onChange={setOutcome}
        placeholder={t('consultation.team.outcomePlaceholder')}
        options={responseOutcomes.map((o) => ({ value: o, label: t(`consultation.outcome.${o}`) }))}
        required
        error={errorFor(submission.fieldErrors, 'outcome')}
      />
      <TextAreaField id={`${id}-text`} label={t('consultation.team.response')} description={t('consultation.team.responseHint')} value={text} onChange={(value) => { setText(value); setSaved(false); }} rows={4} required error={errorFor(submission.fieldErrors, 'text')} />
      {(links.amendments.length > 0 || links.versions.length > 0) && (
        <FieldFrame id={`${id}-link`} label={t('consultation.team.link')} description={t('consultation.team.linkHint')} error={linkError}>
          <Select id={`${id}-link`} value={link} invalid={Boolean(linkError)} aria-describedby={describedBy(`${id}-link`, t('consultation.team.linkHint'), linkError)} onChange={(event) => setLink(event.target.value)}>
            <SelectOption value="">{t('consultation.team.linkNone')}</SelectOption>
            {links.amendments.length > 0 && (
              <optgroup label={t('consultation.team.amendmentsGroup')}>
                {links.amendments.map((a) => (
                  <SelectOption key={a.id} value={`amendment:${a.id}`}>
                    {a.label}
                  </SelectOption>
                ))}
              </optgroup>
            )}
            {links.versions.length > 0 && (
              <optgroup label={t('consultation.team.versionsGroup')}>
                {links.versions.map((v) => (
                  <SelectOption key={v.id} value={`version:${v.id}`}>
                    {v.label}
                  </SelectOption>
                ))}
              </optgroup>
            )}
          </Select>
        </FieldFrame>
      )}
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={submission.busy}>
          {t('consultation.team.save')}
        </Button>
      </ButtonGroup>
      <div role="status" data-testid="response-status">
        {saved && <Paragraph className="dt-consultation__saved">{t('consultation.team.saved')}</Paragraph>}
      </div>
    </form>
  );
}
