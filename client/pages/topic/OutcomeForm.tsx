import { Button, ButtonGroup, Fieldset, FieldsetLegend, FormFieldDescription, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionStatuses, outcomeCategories, outcomeHorizons, outcomeStatuses, type OutcomeDto, type TopicChainDto } from '../../../shared/schemas/outcomes';
import { memberApi } from '../../api/members';
import { outcomeApi, type OutcomeInput } from '../../api/outcomes';
import { sessionApi } from '../../api/sessions';
import { useResource } from '../../api/useResource';
import { CheckboxGroup, RadioGroup } from '../../components/forms/ChoiceGroup';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { errorFor, type FieldErrors } from '../../components/forms/field-errors';
import { SelectField } from '../../components/forms/SelectField';
import { TextAreaField, TextField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';

type Status = (typeof outcomeStatuses)[number];
interface ActionRow {
  id?: string;
  description: string;
  ownerUserId: string;
  dueDate: string;
  status: (typeof actionStatuses)[number];
}
interface FormState {
  text: string;
  category: string;
  horizon: string;
  status: string;
  sessionId: string;
  positions: Array<{ party: string; position: string }>;
  actions: ActionRow[];
  links: { pollIds: string[]; amendmentIds: string[]; versionIds: string[]; clauseIds: string[] };
}

const blankSide = () => ({ party: '', position: '' });

function initialState(outcome: OutcomeDto | undefined): FormState {
  if (!outcome) {
    return { text: '', category: '', horizon: '', status: '', sessionId: '', positions: [], actions: [], links: { pollIds: [], amendmentIds: [], versionIds: [], clauseIds: [] } };
  }
  return {
    text: outcome.text,
    category: outcome.category,
    horizon: outcome.horizon,
    status: outcome.status,
    sessionId: outcome.session?.id ?? '',
    positions: outcome.positions.map((p) => ({ ...p })),
    actions: outcome.actions.map((a) => ({ id: a.id, description: a.description, ownerUserId: a.owner.id, dueDate: a.dueDate, status: a.status })),
    links: { ...outcome.links },
  };
}

export interface OutcomeFormProps {
  trajectoryId: string;
  chain: TopicChainDto;
  /** The agreement being changed; none to record a new one. */
  editing: OutcomeDto | undefined;
  onSaved: (outcome: OutcomeDto) => void;
  onCancel: () => void;
}

/**
 * The procurement team's form for an agreement. Positions are asked for only for a difference
 * of opinion, two sides to start with; owners of actions are chosen from the table's members;
 * what the agreement rests on is chosen from the topic's own polls, amendments, versions and clauses.
 */
export function OutcomeForm({ trajectoryId, chain, editing, onSaved, onCancel }: OutcomeFormProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState<FormState>(() => initialState(editing));
  const submission = useSubmission();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const members = useResource((signal) => memberApi.list(trajectoryId, signal), [trajectoryId]);
  const sessions = useResource((signal) => sessionApi.list(trajectoryId, signal), [trajectoryId]);
  const { clear } = submission;

  // Switching between a new agreement and changing one starts the form over, with focus on its heading.
  useEffect(() => {
    setForm(initialState(editing));
    clear();
    if (editing) headingRef.current?.focus();
  }, [editing, clear]);

  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));
  const setStatus = (status: string) =>
    setForm((f) => ({ ...f, status, positions: status === 'disagreement' ? (f.positions.length >= 2 ? f.positions : [...f.positions, blankSide(), blankSide()].slice(0, Math.max(2, f.positions.length))) : [] }));
  const setPosition = (i: number, patch: Partial<{ party: string; position: string }>) =>
    setForm((f) => ({ ...f, positions: f.positions.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));
  const setAction = (i: number, patch: Partial<ActionRow>) => setForm((f) => ({ ...f, actions: f.actions.map((a, j) => (j === i ? { ...a, ...patch } : a)) }));
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  const localErrors = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (!form.text.trim()) errors.text = t('fieldError.required');
    if (!form.category) errors.category = t('fieldError.choose');
    if (!form.horizon) errors.horizon = t('fieldError.choose');
    if (!form.status) errors.status = t('fieldError.choose');
    if (form.status === 'disagreement') {
      form.positions.forEach((p, i) => {
        if (!p.party.trim()) errors[`positions.${i}.party`] = t('fieldError.required');
        if (!p.position.trim()) errors[`positions.${i}.position`] = t('fieldError.required');
      });
    }
    form.actions.forEach((a, i) => {
      if (!a.description.trim()) errors[`actions.${i}.description`] = t('fieldError.required');
      if (!a.ownerUserId) errors[`actions.${i}.ownerUserId`] = t('fieldError.choose');
      if (!a.dueDate) errors[`actions.${i}.dueDate`] = t('fieldError.date');
    });
    return errors;
  };

  const save = () =>
    submission.submit(async () => {
      const input: OutcomeInput = {
        topicId: chain.topic.id,
        sessionId: form.sessionId || null,
        text: form.text,
        category: form.category as OutcomeInput['category'],
        horizon: form.horizon as OutcomeInput['horizon'],
        status: form.status as Status,
        positions: form.status === 'disagreement' ? form.positions : [],
        actions: form.actions.map((a) => ({ ...(a.id ? { id: a.id } : {}), description: a.description, ownerUserId: a.ownerUserId, dueDate: a.dueDate, status: a.status })),
        links: form.links,
      };
      const saved = editing ? await outcomeApi.update(trajectoryId, editing.id, input) : await outcomeApi.record(trajectoryId, input);
      setForm(initialState(undefined));
      onSaved(saved);
    }, localErrors());

  const fieldInfo: Record<string, { target: string; label: string }> = {
    text: { target: 'outcome-text', label: t('outcomes.form.text') },
    category: { target: 'outcome-category', label: t('outcomes.form.category') },
    horizon: { target: 'outcome-horizon', label: t('outcomes.form.horizon') },
    status: { target: 'outcome-status', label: t('outcomes.form.status') },
    sessionId: { target: 'outcome-session', label: t('outcomes.form.session') },
    positions: { target: 'outcome-positions', label: t('outcomes.form.positions') },
    actions: { target: 'outcome-actions', label: t('outcomes.form.actions') },
    links: { target: 'outcome-links', label: t('outcomes.form.links') },
  };
  form.positions.forEach((_p, i) => {
    fieldInfo[`positions.${i}.party`] = { target: `outcome-party-${i}`, label: t('outcomes.form.party', { n: i + 1 }) };
    fieldInfo[`positions.${i}.position`] = { target: `outcome-position-${i}`, label: t('outcomes.form.position', { n: i + 1 }) };
  });
  form.actions.forEach((_a, i) => {
    fieldInfo[`actions.${i}.description`] = { target: `outcome-action-${i}-description`, label: `${t('outcomes.form.action', { n: i + 1 })}: ${t('outcomes.form.actionDescription')}` };
    fieldInfo[`actions.${i}.ownerUserId`] = { target: `outcome-action-${i}-owner`, label: `${t('outcomes.form.action', { n: i + 1 })}: ${t('outcomes.form.owner')}` };
    fieldInfo[`actions.${i}.dueDate`] = { target: `outcome-action-${i}-due`, label: `${t('outcomes.form.action', { n: i + 1 })}: ${t('outcomes.form.due')}` };
  });
  const summary = submission.summary(fieldInfo);
  const err = (path: string) => errorFor(submission.fieldErrors, path);
  const options = <T extends string>(values: readonly T[], key: (v: T) => string) => values.map((value) => ({ value, label: key(value) }));
  const memberOptions = (members.data ?? [])
    .filter((m) => m.role !== 'observer')
    .map((m) => ({ value: m.userId, label: `${m.name} (${m.organisation.name})` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  const linkGroup = (id: string, legend: string, values: string[], choices: Array<{ value: string; label: string }>, onChange: (v: string[]) => void) =>
    choices.length === 0 ? null : <CheckboxGroup id={id} legend={legend} values={values} options={choices} onChange={onChange} />;
  const title = editing ? t('outcomes.form.editTitle', { number: editing.number }) : t('outcomes.form.newTitle');

  return (
    <section aria-labelledby="outcome-form-title" className="dt-chain__section dt-outcome-form" data-testid="outcome-form">
      <Heading2 id="outcome-form-title" ref={headingRef} tabIndex={-1}>
        {title}
      </Heading2>
      <Paragraph>{t('outcomes.form.intro')}</Paragraph>
      {summary && <ErrorSummary message={summary.message} items={summary.items} summaryRef={submission.summaryRef} />}
      <form
        noValidate
        aria-labelledby="outcome-form-title"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <TextAreaField id="outcome-text" label={t('outcomes.form.text')} description={t('outcomes.form.textHint')} value={form.text} onChange={(text) => set({ text })} error={err('text')} rows={4} />
        <RadioGroup id="outcome-category" name="category" legend={t('outcomes.form.category')} value={form.category} onChange={(category) => set({ category })} error={err('category')} options={options(outcomeCategories, (v) => t(`outcomes.outcomes.categories.${v}`))} />
        <RadioGroup id="outcome-horizon" name="horizon" legend={t('outcomes.form.horizon')} value={form.horizon} onChange={(horizon) => set({ horizon })} error={err('horizon')} options={options(outcomeHorizons, (v) => t(`outcomes.outcomes.horizons.${v}`))} />
        <RadioGroup id="outcome-status" name="status" legend={t('outcomes.form.status')} value={form.status} onChange={setStatus} error={err('status')} options={options(outcomeStatuses, (v) => t(`outcomes.outcomes.statuses.${v}`))} />
        {form.status === 'disagreement' && (
          <Fieldset id="outcome-positions" className="dt-outcome-form__group">
            <FieldsetLegend>{t('outcomes.form.positions')}</FieldsetLegend>
            <FormFieldDescription>{t('outcomes.form.positionsHint')}</FormFieldDescription>
            {form.positions.map((p, i) => (
              <div key={i} className="dt-outcome-form__row">
                <TextField id={`outcome-party-${i}`} label={t('outcomes.form.party', { n: i + 1 })} value={p.party} onChange={(party) => setPosition(i, { party })} error={err(`positions.${i}.party`)} />
                <TextAreaField id={`outcome-position-${i}`} label={t('outcomes.form.position', { n: i + 1 })} value={p.position} onChange={(position) => setPosition(i, { position })} error={err(`positions.${i}.position`)} rows={2} />
                {form.positions.length > 2 && (
                  <Button appearance="subtle-button" onClick={() => { set({ positions: form.positions.filter((_x, j) => j !== i) }); focusLater('outcome-add-position'); }}>
                    {t('outcomes.form.removePosition', { n: i + 1 })}
                  </Button>
                )}
              </div>
            ))}
            <Button id="outcome-add-position" appearance="secondary-action-button" onClick={() => { set({ positions: [...form.positions, blankSide()] }); focusLater(`outcome-party-${form.positions.length}`); }}>
              {t('outcomes.form.addPosition')}
            </Button>
          </Fieldset>
        )}
        <Fieldset id="outcome-actions" className="dt-outcome-form__group">
          <FieldsetLegend>{t('outcomes.form.actions')}</FieldsetLegend>
          <FormFieldDescription>{t('outcomes.form.actionsHint')}</FormFieldDescription>
          {form.actions.map((a, i) => (
            <Fieldset key={a.id ?? `new-${i}`} className="dt-outcome-form__row">
              <FieldsetLegend>{t('outcomes.form.action', { n: i + 1 })}</FieldsetLegend>
              <TextField id={`outcome-action-${i}-description`} label={t('outcomes.form.actionDescription')} value={a.description} onChange={(description) => setAction(i, { description })} error={err(`actions.${i}.description`)} />
              <SelectField id={`outcome-action-${i}-owner`} label={t('outcomes.form.owner')} value={a.ownerUserId} onChange={(ownerUserId) => setAction(i, { ownerUserId })} options={memberOptions} placeholder={t('outcomes.form.chooseOwner')} error={err(`actions.${i}.ownerUserId`)} />
              <TextField id={`outcome-action-${i}-due`} type="date" label={t('outcomes.form.due')} value={a.dueDate} onChange={(dueDate) => setAction(i, { dueDate })} error={err(`actions.${i}.dueDate`)} />
              <CheckboxGroup id={`outcome-action-${i}-status`} legend={t('outcomes.form.action', { n: i + 1 })} values={a.status === 'done' ? ['done'] : []} options={[{ value: 'done', label: t('outcomes.form.actionDone') }]} onChange={(v) => setAction(i, { status: v.includes('done') ? 'done' : 'open' })} />
              <Button appearance="subtle-button" onClick={() => { set({ actions: form.actions.filter((_x, j) => j !== i) }); focusLater('outcome-add-action'); }}>
                {t('outcomes.form.removeAction', { n: i + 1 })}
              </Button>
            </Fieldset>
          ))}
          <Button id="outcome-add-action" appearance="secondary-action-button" onClick={() => { set({ actions: [...form.actions, { description: '', ownerUserId: '', dueDate: '', status: 'open' }] }); focusLater(`outcome-action-${form.actions.length}-description`); }}>
            {t('outcomes.form.addAction')}
          </Button>
        </Fieldset>
        <SelectField id="outcome-session" label={t('outcomes.form.session')} value={form.sessionId} onChange={(sessionId) => set({ sessionId })} placeholder={t('outcomes.form.noSession')} options={(sessions.data ?? []).map((s) => ({ value: s.id, label: s.title }))} error={err('sessionId')} />
        <Fieldset id="outcome-links" className="dt-outcome-form__group">
          <FieldsetLegend>{t('outcomes.form.links')}</FieldsetLegend>
          {chain.polls.length + chain.amendments.length + chain.versions.length + chain.clauses.length === 0 && <Paragraph>{t('outcomes.form.nothingToLink')}</Paragraph>}
          {linkGroup('outcome-link-polls', t('outcomes.form.linkPolls'), form.links.pollIds, chain.polls.map((p) => ({ value: p.id, label: p.question })), (pollIds) => set({ links: { ...form.links, pollIds } }))}
          {linkGroup('outcome-link-amendments', t('outcomes.form.linkAmendments'), form.links.amendmentIds, chain.amendments.map((a) => ({ value: a.id, label: `${t('outcomes.outcomes.linkAmendment', { number: a.clauseNumber })}: ${a.proposedText.slice(0, 80)}` })), (amendmentIds) => set({ links: { ...form.links, amendmentIds } }))}
          {linkGroup('outcome-link-versions', t('outcomes.form.linkVersions'), form.links.versionIds, chain.versions.map((v) => ({ value: v.id, label: v.name })), (versionIds) => set({ links: { ...form.links, versionIds } }))}
          {linkGroup('outcome-link-clauses', t('outcomes.form.linkClauses'), form.links.clauseIds, chain.clauses.map((c) => ({ value: c.id, label: t('outcomes.changed.clause', { number: c.number, title: c.title }) })), (clauseIds) => set({ links: { ...form.links, clauseIds } }))}
        </Fieldset>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" aria-busy={submission.busy || undefined}>
            {submission.busy ? t('outcomes.form.saving') : t('outcomes.form.save')}
          </Button>
          {editing && (
            <Button appearance="secondary-action-button" onClick={onCancel}>
              {t('outcomes.form.cancel')}
            </Button>
          )}
        </ButtonGroup>
      </form>
    </section>
  );
}
