import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { trajectoryApi } from '../../api/trajectories';
import { CheckboxGroup, RadioGroup } from '../../components/forms/ChoiceGroup';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { errorFor } from '../../components/forms/field-errors';
import { SelectField } from '../../components/forms/SelectField';
import { TextAreaField, TextField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
import type { FieldInfo } from '../../components/forms/useSubmission';
import { useLabels } from '../../labels/useLabels';
import { procurementModels } from '../../../shared/schemas/trajectories';
import type { RegionDto, TrajectoryDto } from '../../../shared/schemas/trajectories';
import { checkDraft, emptyDraft, toRequest } from './form-state';
import type { Model, TrajectoryDraft } from './form-state';
import { MilestoneRows } from './MilestoneRows';
import { PhaseRows } from './PhaseRows';

export interface TrajectoryFormProps {
  regions: RegionDto[];
  /** Platform administrators name the first procurement-team member. */
  askForLead: boolean;
  onCreated: (trajectory: TrajectoryDto) => void;
}

export function TrajectoryForm({ regions, askForLead, onCreated }: TrajectoryFormProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const submission = useSubmission();
  const [draft, setDraft] = useState<TrajectoryDraft>(emptyDraft);
  const update = (patch: Partial<TrajectoryDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const region = regions.find((r) => r.id === draft.regionId);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    let created: TrajectoryDto | undefined;
    const ok = await submission.submit(async () => {
      created = await trajectoryApi.create(toRequest(draft, region));
    }, checkDraft(draft, t));
    if (ok && created) onCreated(created);
  };

  const fieldInfo: Record<string, FieldInfo> = {
    regionId: { target: 'trajectory-region', label: t('newTrajectory.region') },
    name: { target: 'trajectory-name', label: t('newTrajectory.name') },
    description: { target: 'trajectory-description', label: t('newTrajectory.description') },
    model: { target: 'trajectory-model', label: t('newTrajectory.model') },
    municipalities: { target: 'trajectory-municipalities', label: t('newTrajectory.municipalities') },
    phases: { target: 'trajectory-phases', label: t('newTrajectory.phases') },
    milestones: { target: 'trajectory-milestones', label: t('newTrajectory.milestones') },
    procurementLead: { target: 'trajectory-lead-email', label: t('newTrajectory.leadEmail') },
    'procurementLead.name': { target: 'trajectory-lead-name', label: t('newTrajectory.leadName') },
  };
  draft.phases.forEach((_, index) => {
    const n = index + 1;
    fieldInfo[`phases.${index}.name`] = { target: `phase-${index}-name`, label: `${t('newTrajectory.phase', { n })}: ${t('newTrajectory.phaseName')}` };
    fieldInfo[`phases.${index}.status`] = { target: `phase-${index}-status`, label: `${t('newTrajectory.phase', { n })}: ${t('newTrajectory.phaseStatus')}` };
  });
  draft.milestones.forEach((_, index) => {
    const n = index + 1;
    for (const [part, label] of [['kind', t('newTrajectory.milestoneKind')], ['title', t('newTrajectory.milestoneTitle')], ['date', t('newTrajectory.milestoneDate')]] as const) {
      fieldInfo[`milestones.${index}.${part}`] = { target: `milestone-${index}-${part}`, label: `${t('newTrajectory.milestone', { n })}: ${label}` };
    }
  });
  const summary = submission.summary(fieldInfo);
  const errors = submission.fieldErrors;

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form">
      {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
      <SelectField
        id="trajectory-region"
        label={t('newTrajectory.region')}
        placeholder={t('newTrajectory.chooseRegion')}
        value={draft.regionId}
        onChange={(regionId) => update({ regionId, municipalities: [] })}
        options={regions.map((r) => ({ value: r.id, label: r.name }))}
        required
        error={errorFor(errors, 'regionId')}
      />
      <TextField
        id="trajectory-name"
        label={t('newTrajectory.name')}
        description={t('newTrajectory.nameHint')}
        value={draft.name}
        onChange={(name) => update({ name })}
        required
        error={errorFor(errors, 'name')}
      />
      <TextAreaField
        id="trajectory-description"
        label={t('newTrajectory.descriptionOptional')}
        value={draft.description}
        onChange={(description) => update({ description })}
        rows={4}
        error={errorFor(errors, 'description')}
      />
      <RadioGroup
        id="trajectory-model"
        name="model"
        legend={t('newTrajectory.model')}
        value={draft.model}
        onChange={(model) => update({ model: model as Model })}
        options={procurementModels.map((model) => ({ value: model, label: labels.model(model) }))}
        error={errorFor(errors, 'model')}
      />
      {region ? (
        <CheckboxGroup
          id="trajectory-municipalities"
          legend={t('newTrajectory.municipalities')}
          description={t('newTrajectory.municipalitiesHint', { region: region.name })}
          values={draft.municipalities}
          onChange={(municipalities) => update({ municipalities })}
          options={region.municipalities.map((m) => ({ value: m, label: m }))}
          error={errorFor(errors, 'municipalities')}
        />
      ) : (
        <Paragraph id="trajectory-municipalities" className="dt-hint">
          {t('newTrajectory.municipalitiesFirstRegion')}
        </Paragraph>
      )}
      <PhaseRows rows={draft.phases} onChange={(phases) => update({ phases })} errors={errors} />
      <MilestoneRows rows={draft.milestones} onChange={(milestones) => update({ milestones })} errors={errors} />
      {askForLead && (
        <section aria-labelledby="lead-heading" className="dt-form-section">
          <Heading2 id="lead-heading">{t('newTrajectory.leadTitle')}</Heading2>
          <Paragraph>{t('newTrajectory.leadIntro')}</Paragraph>
          <TextField
            id="trajectory-lead-email"
            type="email"
            label={t('newTrajectory.leadEmail')}
            value={draft.leadEmail}
            onChange={(leadEmail) => update({ leadEmail })}
            error={errors['procurementLead.email'] ?? errors.procurementLead}
          />
          <TextField
            id="trajectory-lead-name"
            label={t('newTrajectory.leadName')}
            value={draft.leadName}
            onChange={(leadName) => update({ leadName })}
            error={errors['procurementLead.name']}
          />
        </section>
      )}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
          {t('newTrajectory.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
