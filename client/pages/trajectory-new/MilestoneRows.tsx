import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../components/forms/field-errors';
import { SelectField } from '../../components/forms/SelectField';
import { TextField } from '../../components/forms/TextField';
import { useLabels } from '../../labels/useLabels';
import { milestoneKinds } from '../../../shared/schemas/trajectories';
import { rowKey } from './form-state';
import type { MilestoneKind, MilestoneRow } from './form-state';
import { useRowFocus } from './useRowFocus';

export interface MilestoneRowsProps {
  rows: MilestoneRow[];
  onChange: (rows: MilestoneRow[]) => void;
  errors: FieldErrors;
}

/** The planning: milestones with a kind, a title and a date. */
export function MilestoneRows({ rows, onChange, errors }: MilestoneRowsProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const focus = useRowFocus('milestone', 'kind', rows.length);
  const setRow = (index: number, patch: Partial<MilestoneRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <section id="trajectory-milestones" aria-labelledby="milestones-heading" className="dt-form-section">
      <Heading2 id="milestones-heading">{t('newTrajectory.milestones')}</Heading2>
      <Paragraph>{t('newTrajectory.milestonesIntro')}</Paragraph>
      {rows.map((row, index) => {
        const n = index + 1;
        return (
          <fieldset key={row.key} className="dt-row">
            <legend className="dt-row__legend">{t('newTrajectory.milestone', { n })}</legend>
            <SelectField
              id={`milestone-${index}-kind`}
              label={t('newTrajectory.milestoneKind')}
              value={row.kind}
              onChange={(kind) => setRow(index, { kind: kind as MilestoneKind })}
              options={milestoneKinds.map((kind) => ({ value: kind, label: labels.milestoneKind(kind) }))}
              error={errors[`milestones.${index}.kind`]}
            />
            <TextField
              id={`milestone-${index}-title`}
              label={t('newTrajectory.milestoneTitle')}
              value={row.title}
              onChange={(title) => setRow(index, { title })}
              required
              error={errors[`milestones.${index}.title`]}
            />
            <TextField
              id={`milestone-${index}-date`}
              type="date"
              label={t('newTrajectory.milestoneDate')}
              value={row.date}
              onChange={(date) => setRow(index, { date })}
              required
              error={errors[`milestones.${index}.date`]}
            />
            <ButtonGroup>
              <Button
                appearance="subtle-button"
                onClick={() => {
                  onChange(rows.filter((_, i) => i !== index));
                  focus.afterRemove();
                }}
              >
                {t('newTrajectory.removeMilestone', { n })}
              </Button>
            </ButtonGroup>
          </fieldset>
        );
      })}
      <ButtonGroup>
        <Button
          ref={focus.addButtonRef}
          appearance="secondary-action-button"
          onClick={() => {
            onChange([...rows, { key: rowKey(), kind: 'other', title: '', date: '' }]);
            focus.afterAdd();
          }}
        >
          {t('newTrajectory.addMilestone')}
        </Button>
      </ButtonGroup>
    </section>
  );
}
