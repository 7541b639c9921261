import type { TFunction } from 'i18next';
import type { CreateTrajectoryInput } from '../../api/trajectories';
import type { FieldErrors } from '../../components/forms/field-errors';
import type { TrajectoryDto } from '../../../shared/schemas/trajectories';

export type Model = TrajectoryDto['model'];
export type MilestoneKind = TrajectoryDto['milestones'][number]['kind'];
export type PhaseStatus = TrajectoryDto['phases'][number]['status'];

/** Rows get a local key so that React keeps each row's fields (and focus) when rows are removed. */
export interface PhaseRow {
  key: number;
  name: string;
  status: PhaseStatus;
  /** YYYY-MM-DD or '' (no date). */
  startsOn?: string;
  endsOn?: string;
}
export interface MilestoneRow {
  key: number;
  kind: MilestoneKind;
  title: string;
  date: string;
}

export interface TrajectoryDraft {
  regionId: string;
  name: string;
  description: string;
  model: Model | '';
  municipalities: string[];
  phases: PhaseRow[];
  milestones: MilestoneRow[];
  leadEmail: string;
  leadName: string;
}

export const emptyDraft: TrajectoryDraft = {
  regionId: '',
  name: '',
  description: '',
  model: '',
  municipalities: [],
  phases: [],
  milestones: [],
  leadEmail: '',
  leadName: '',
};

let nextKey = 1;
export const rowKey = () => nextKey++;

/** What must be filled in before sending; the server checks everything again. */
export function checkDraft(draft: TrajectoryDraft, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.regionId) errors.regionId = t('fieldError.region');
  if (!draft.name.trim()) errors.name = t('fieldError.required');
  if (!draft.model) errors.model = t('fieldError.model');
  if (draft.regionId && draft.municipalities.length === 0) errors.municipalities = t('fieldError.municipalities');
  draft.phases.forEach((phase, index) => {
    if (!phase.name.trim()) errors[`phases.${index}.name`] = t('fieldError.required');
    for (const part of ['startsOn', 'endsOn'] as const) {
      if (phase[part] && !/^\d{4}-\d{2}-\d{2}$/.test(phase[part])) errors[`phases.${index}.${part}`] = t('fieldError.date');
    }
  });
  draft.milestones.forEach((milestone, index) => {
    if (!milestone.title.trim()) errors[`milestones.${index}.title`] = t('fieldError.required');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(milestone.date)) errors[`milestones.${index}.date`] = t('fieldError.date');
  });
  return errors;
}

export function toRequest(draft: TrajectoryDraft, region: { municipalities: string[] } | undefined): CreateTrajectoryInput {
  // Keep the region's own order of municipalities, whatever order they were ticked in.
  const municipalities = (region?.municipalities ?? []).filter((m) => draft.municipalities.includes(m));
  const request: CreateTrajectoryInput = {
    regionId: draft.regionId,
    name: draft.name.trim(),
    description: draft.description.trim(),
    model: draft.model as Model,
    municipalities,
    phases: draft.phases.map(phaseRequest),
    milestones: draft.milestones.map(({ kind, title, date }) => ({ kind, title: title.trim(), date })),
  };
  if (draft.leadEmail.trim()) {
    request.procurementLead = { email: draft.leadEmail.trim(), ...(draft.leadName.trim() ? { name: draft.leadName.trim() } : {}) };
  }
  return request;
}

/** A phase row as the API takes it: dates only when given. */
export const phaseRequest = ({ name, status, startsOn, endsOn }: PhaseRow) => ({
  name: name.trim(),
  status,
  ...(startsOn ? { startsOn } : {}),
  ...(endsOn ? { endsOn } : {}),
});
