import { Alert, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { versionApi } from '../../api/revisions';
import { RadioGroup } from '../../components/forms/ChoiceGroup';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { errorFor } from '../../components/forms/field-errors';
import type { FieldErrors } from '../../components/forms/field-errors';
import { SelectField } from '../../components/forms/SelectField';
import { TextField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
import type { VersionDto } from '../../../shared/schemas/agreement';
import type { ClauseLabels } from '../amendments/clause-labels';

export interface SaveVersionFormProps {
  trajectoryId: string;
  labels: ClauseLabels;
  onSaved: (version: VersionDto) => void;
}

type Scope = 'all' | 'clause';

/** "Versie opslaan": a named, fixed copy of the whole agreement or of one clause. */
export function SaveVersionForm({ trajectoryId, labels, onSaved }: SaveVersionFormProps) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<Scope>('all');
  const [clauseId, setClauseId] = useState('');
  const [done, setDone] = useState<VersionDto | undefined>(undefined);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const local: FieldErrors = {};
    if (!name.trim()) local.name = t('revisions.versions.save.nameRequired');
    if (scope === 'clause' && !clauseId) local.clauseId = t('revisions.versions.save.clauseRequired');
    let created: VersionDto | undefined;
    setDone(undefined);
    const ok = await submission.submit(async () => {
      created = await versionApi.create(trajectoryId, { name: name.trim(), clauseId: scope === 'clause' ? clauseId : null });
    }, local);
    if (ok && created) {
      setDone(created);
      setName('');
      onSaved(created);
    }
  };
  const summary = submission.summary({
    name: { target: 'version-name', label: t('revisions.versions.save.name') },
    clauseId: { target: 'version-clause', label: t('revisions.versions.save.clause') },
  });

  return (
    <section aria-labelledby="save-version-heading" className="dt-form-section" data-testid="save-version">
      <Heading2 id="save-version-heading">{t('revisions.versions.save.title')}</Heading2>
      <Paragraph>{t('revisions.versions.save.intro')}</Paragraph>
      <div role="status">
        {done && (
          <Alert type="ok" role="none">
            <Paragraph>{t('revisions.versions.save.done', { name: done.name })}</Paragraph>
          </Alert>
        )}
      </div>
      {labels.clauses.length === 0 ? (
        <Paragraph>{t('revisions.versions.save.noClauses')}</Paragraph>
      ) : (
        <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form">
          {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
          <TextField
            id="version-name"
            label={t('revisions.versions.save.name')}
            description={t('revisions.versions.save.nameHint')}
            value={name}
            onChange={(value) => {
              setName(value);
              setDone(undefined);
            }}
            required
            autoComplete="off"
            error={errorFor(submission.fieldErrors, 'name')}
          />
          <RadioGroup
            id="version-scope"
            name="version-scope"
            legend={t('revisions.versions.save.scope')}
            value={scope}
            onChange={(value) => setScope(value as Scope)}
            options={[
              { value: 'all', label: t('revisions.versions.save.scopeAll') },
              { value: 'clause', label: t('revisions.versions.save.scopeClause') },
            ]}
          />
          {scope === 'clause' && (
            <SelectField
              id="version-clause"
              label={t('revisions.versions.save.clause')}
              value={clauseId}
              placeholder={t('revisions.versions.save.chooseClause')}
              options={labels.clauses.map((c) => ({ value: c.id, label: labels.label(c) }))}
              onChange={setClauseId}
              required
              error={errorFor(submission.fieldErrors, 'clauseId')}
            />
          )}
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
              {t('revisions.versions.save.submit')}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </section>
  );
}
