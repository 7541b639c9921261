import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { trajectoryApi } from '../../api/trajectories';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import type { FieldErrors } from '../../components/forms/field-errors';
import { useSubmission } from '../../components/forms/useSubmission';
import type { FieldInfo } from '../../components/forms/useSubmission';
import type { TrajectoryDto } from '../../../shared/schemas/trajectories';
import { phaseRequest, rowKey } from '../trajectory-new/form-state';
import type { MilestoneRow, PhaseRow } from '../trajectory-new/form-state';
import { MilestoneRows } from '../trajectory-new/MilestoneRows';
import { PhaseRows } from '../trajectory-new/PhaseRows';

export interface PlanningEditorProps {
  trajectory: TrajectoryDto;
  /** Receives the trajectory as saved, so the overview shows the new planning at once. */
  onSaved: (saved: TrajectoryDto) => void;
  onCancel: () => void;
}

/**
 * The procurement team edits the planning in place: phases (status, dates) and milestones. One
 * save is one change (PATCH of the trajectory); the server notifies the participants, and the
 * question deadline follows its milestone.
 */
export function PlanningEditor({ trajectory, onSaved, onCancel }: PlanningEditorProps) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const form = useRef<HTMLFormElement>(null);
  // Opened from its button: the keyboard continues in the first field.
  useEffect(() => form.current?.querySelector<HTMLElement>('input, select')?.focus(), []);
  const [phases, setPhases] = useState<PhaseRow[]>(() =>
    trajectory.phases.map((p) => ({ key: rowKey(), name: p.name, status: p.status, startsOn: p.startsOn ?? '', endsOn: p.endsOn ?? '' })),
  );
  const [milestones, setMilestones] = useState<MilestoneRow[]>(() =>
    trajectory.milestones.map((m) => ({ key: rowKey(), kind: m.kind, title: m.title, date: m.date })),
  );

  const check = (): FieldErrors => {
    const errors: FieldErrors = {};
    phases.forEach((phase, index) => {
      if (!phase.name.trim()) errors[`phases.${index}.name`] = t('fieldError.required');
      if (phase.startsOn && phase.endsOn && phase.startsOn > phase.endsOn) errors[`phases.${index}.endsOn`] = t('fieldError.date');
    });
    milestones.forEach((milestone, index) => {
      if (!milestone.title.trim()) errors[`milestones.${index}.title`] = t('fieldError.required');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(milestone.date)) errors[`milestones.${index}.date`] = t('fieldError.date');
    });
    return errors;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    let saved: TrajectoryDto | undefined;
    const ok = await submission.submit(async () => {
      saved = await trajectoryApi.update(trajectory.id, {
        phases: phases.map(phaseRequest),
        milestones: milestones.map(({ kind, title, date }) => ({ kind, title: title.trim(), date })),
      });
    }, check());
    if (ok && saved) onSaved(saved);
  };

  const fieldInfo: Record<string, FieldInfo> = {
    phases: { target: 'trajectory-phases', label: t('newTrajectory.phases') },
    milestones: { target: 'trajectory-milestones', label: t('newTrajectory.milestones') },
  };
  phases.forEach((_, index) => {
    const n = index + 1;
    for (const [part, label] of [['name', t('newTrajectory.phaseName')], ['status', t('newTrajectory.phaseStatus')], ['startsOn', t('planningEditor.phaseStartsOn')], ['endsOn', t('planningEditor.phaseEndsOn')]] as const) {
      fieldInfo[`phases.${index}.${part}`] = { target: `phase-${index}-${part}`, label: `${t('newTrajectory.phase', { n })}: ${label}` };
    }
  });
  milestones.forEach((_, index) => {
    const n = index + 1;
    for (const [part, label] of [['kind', t('newTrajectory.milestoneKind')], ['title', t('newTrajectory.milestoneTitle')], ['date', t('newTrajectory.milestoneDate')]] as const) {
      fieldInfo[`milestones.${index}.${part}`] = { target: `milestone-${index}-${part}`, label: `${t('newTrajectory.milestone', { n })}: ${label}` };
    }
  });
  const summary = submission.summary(fieldInfo);

  return (
    <form ref={form} noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form dt-planning-editor" aria-label={t('planningEditor.edit')}>
      <Paragraph>{t('planningEditor.editIntro')}</Paragraph>
      {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
      <PhaseRows rows={phases} onChange={setPhases} errors={submission.fieldErrors} />
      <MilestoneRows rows={milestones} onChange={setMilestones} errors={submission.fieldErrors} />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
          {t('planningEditor.save')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('planningEditor.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
