import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionApi } from '../../api/sessions';
import { CheckboxGroup, RadioGroup } from '../../components/forms/ChoiceGroup';
import { roles } from '../../../shared/domain/roles';
import { sessionOrganisers } from '../../../shared/policy';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { errorFor } from '../../components/forms/field-errors';
import { TextAreaField, TextField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
import { outcomeKinds } from '../../../shared/schemas/sessions';
import type { SessionDto } from '../../../shared/schemas/sessions';
import type { TopicDto } from '../../../shared/schemas/topics';
import { AgendaRows } from './AgendaRows';
import { emptyForm, formFromSession, toSessionInput } from './session-form-state';
import type { SessionFormState } from './session-form-state';

export interface SessionFormProps {
  trajectoryId: string;
  /** The session to change; without it the form plans a new one. */
  session?: SessionDto;
  /** Topics that may go on the agenda. */
  topics: TopicDto[];
  onSaved: (session: SessionDto) => void;
  onCancel?: () => void;
}

/** Plans a session or changes a planned one: when, where, what its outcome means, and its agenda. */
export function SessionForm({ trajectoryId, session, topics, onSaved, onCancel }: SessionFormProps) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const prefix = session ? `edit-${session.id}` : 'new-session';
  const [form, setForm] = useState<SessionFormState>(() =>
    session ? formFromSession(session) : emptyForm(t('sessions.form.decidedByDefault')),
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  const set = (patch: Partial<SessionFormState>) => setForm((current) => ({ ...current, ...patch }));

  // The form opens on request (in place of a session, or of the "plan" button): put focus on its
  // heading so keyboard and screen-reader users land in it.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const { input, errors } = toSessionInput(form, t);
    let saved: SessionDto | undefined;
    const ok = await submission.submit(async () => {
      // Changing a session: an emptied end time or online link is cleared, not left as it was.
      saved = session
        ? await sessionApi.update(session.id, { ...input, endsAt: input.endsAt ?? null, onlineUrl: input.onlineUrl ?? null })
        : await sessionApi.create(trajectoryId, input);
    }, errors);
    if (ok && saved) {
      if (!session) setForm(emptyForm(t('sessions.form.decidedByDefault')));
      onSaved(saved);
    }
  };

  const id = (field: string) => `${prefix}-${field}`;
  const summary = submission.summary({
    title: { target: id('title'), label: t('sessions.form.name') },
    startsAt: { target: id('date'), label: t('sessions.form.date') },
    startTime: { target: id('start'), label: t('sessions.form.startTime') },
    endsAt: { target: id('end'), label: t('sessions.form.endTime') },
    location: { target: id('location'), label: t('sessions.form.place') },
    onlineUrl: { target: id('online'), label: t('sessions.form.onlineUrl') },
    description: { target: id('description'), label: t('sessions.form.description') },
    declaration: { target: id('decided-by'), label: t('sessions.form.decidedBy') },
    'declaration.outcomeKind': { target: id('outcome'), label: t('sessions.form.declarationLegend') },
    agenda: { target: id('agenda'), label: t('sessions.form.agendaTitle') },
    audience: { target: id('groups'), label: t('sessions.closedSession.groupsLegend') },
    ...Object.fromEntries(
      form.agenda.map((row, index) => [`agenda.${index}`, { target: `${prefix}-${row.topicId}-minutes`, label: row.title }]),
    ),
  });
  const errors = submission.fieldErrors;
  // Field messages of the agenda as a whole (e.g. a topic twice) are shown above its rows.
  const agendaErrors = { ...errors, agenda: errors.agenda ? t('sessions.form.errors.agenda') : undefined } as typeof errors;

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form dt-session-form" aria-labelledby={id('heading')}>
      <Heading2 id={id('heading')} ref={headingRef} tabIndex={-1} className="dt-session-form__title">
        {session ? t('sessions.form.editTitle') : t('sessions.form.newTitle')}
      </Heading2>
      {!session && <Paragraph>{t('sessions.form.newIntro')}</Paragraph>}
      {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
      <TextField
        id={id('title')}
        label={t('sessions.form.name')}
        description={t('sessions.form.nameHint')}
        value={form.title}
        onChange={(title) => set({ title })}
        required
        error={errorFor(errors, 'title')}
      />
      <div className="dt-field-row">
        <TextField
          id={id('date')}
          type="date"
          label={t('sessions.form.date')}
          value={form.date}
          onChange={(date) => set({ date })}
          required
          error={errorFor(errors, 'startsAt')}
        />
        <TextField
          id={id('start')}
          type="time"
          label={t('sessions.form.startTime')}
          value={form.startTime}
          onChange={(startTime) => set({ startTime })}
          required
          error={errors.startTime}
        />
        <TextField
          id={id('end')}
          type="time"
          label={t('sessions.form.endTime')}
          value={form.endTime}
          onChange={(endTime) => set({ endTime })}
          error={errorFor(errors, 'endsAt')}
        />
      </div>
      <Paragraph appearance="small" className="dt-hint dt-field-row__hint">
        {t('sessions.form.timeHint')}
      </Paragraph>
      <TextField
        id={id('location')}
        label={t('sessions.form.place')}
        description={t('sessions.form.placeHint')}
        value={form.location}
        onChange={(location) => set({ location })}
        error={errorFor(errors, 'location')}
      />
      <TextField
        id={id('online')}
        type="url"
        label={t('sessions.form.onlineUrl')}
        description={t('sessions.form.onlineUrlHint')}
        value={form.onlineUrl}
        onChange={(onlineUrl) => set({ onlineUrl })}
        error={errorFor(errors, 'onlineUrl')}
      />
      <TextAreaField
        id={id('description')}
        label={t('sessions.form.description')}
        value={form.description}
        onChange={(description) => set({ description })}
        rows={3}
        error={errorFor(errors, 'description')}
      />
      <RadioGroup
        id={id('outcome')}
        name={id('outcome')}
        legend={t('sessions.form.declarationLegend')}
        value={form.outcomeKind}
        onChange={(value) => set({ outcomeKind: value as SessionFormState['outcomeKind'] })}
        options={outcomeKinds.map((kind) => ({
          value: kind,
          label: (
            <>
              <strong>{t(`sessions.outcomeKinds.${kind}`)}</strong> – {t(`sessions.outcomeKindHints.${kind}`)}
            </>
          ),
        }))}
        error={errors['declaration.outcomeKind']}
      />
      <TextField
        id={id('decided-by')}
        label={t('sessions.form.decidedBy')}
        description={t('sessions.form.decidedByHint')}
        value={form.decidedBy}
        onChange={(decidedBy) => set({ decidedBy })}
        required
        error={errorFor(errors, 'declaration')}
      />
      <RadioGroup
        id={id('access')}
        name={id('access')}
        legend={t('sessions.closedSession.legend')}
        value={form.access}
        onChange={(value) => set({ access: value as SessionFormState['access'] })}
        options={(['open', 'closed'] as const).map((access) => ({
          value: access,
          label: (
            <>
              <strong>{t(`sessions.closedSession.${access}`)}</strong> – {t(`sessions.closedSession.${access}Hint`)}
            </>
          ),
        }))}
      />
      {form.access === 'closed' && (
        <CheckboxGroup
          id={id('groups')}
          legend={t('sessions.closedSession.groupsLegend')}
          values={form.groups}
          onChange={(groups) => set({ groups: groups as SessionFormState['groups'] })}
          options={roles.filter((role) => !sessionOrganisers.includes(role)).map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          error={errorFor(errors, 'audience')}
        />
      )}
      <AgendaRows idPrefix={prefix} rows={form.agenda} topics={topics} onChange={(agenda) => set({ agenda })} errors={agendaErrors} />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
          {session ? t('sessions.form.submitEdit') : t('sessions.form.submitNew')}
        </Button>
        {onCancel && (
          <Button appearance="secondary-action-button" onClick={onCancel}>
            {t('cancel')}
          </Button>
        )}
      </ButtonGroup>
    </form>
  );
}
