import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../components/forms/field-errors';
import { SelectField } from '../../components/forms/SelectField';
import { TextField } from '../../components/forms/TextField';
import { useLabels } from '../../labels/useLabels';
import { phaseStatuses } from '../../../shared/schemas/trajectories';
import { rowKey } from './form-state';
import type { PhaseRow, PhaseStatus } from './form-state';
import { useRowFocus } from './useRowFocus';

export interface PhaseRowsProps {
  rows: PhaseRow[];
  onChange: (rows: PhaseRow[]) => void;
  errors: FieldErrors;
}

/** The phases of the procurement (optional): a name and where it stands. */
export function PhaseRows({ rows, onChange, errors }: PhaseRowsProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const focus = useRowFocus('phase', 'name', rows.length);
  const setRow = (index: number, patch: Partial<PhaseRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <section id="trajectory-phases" aria-labelledby="phases-heading" className="dt-form-section">
      <Heading2 id="phases-heading">{t('newTrajectory.phases')}</Heading2>
      <Paragraph>{t('newTrajectory.phasesIntro')}</Paragraph>
      {rows.map((row, index) => {
        const n = index + 1;
        return (
          <fieldset key={row.key} className="dt-row">
            <legend className="dt-row__legend">{t('newTrajectory.phase', { n })}</legend>
            <TextField
              id={`phase-${index}-name`}
              label={t('newTrajectory.phaseName')}
              value={row.name}
              onChange={(name) => setRow(index, { name })}
              required
              error={errors[`phases.${index}.name`]}
            />
            <SelectField
              id={`phase-${index}-status`}
              label={t('newTrajectory.phaseStatus')}
              value={row.status}
              onChange={(status) => setRow(index, { status: status as PhaseStatus })}
              options={phaseStatuses.map((status) => ({ value: status, label: labels.phaseStatus(status) }))}
              error={errors[`phases.${index}.status`]}
            />
            <TextField
              id={`phase-${index}-startsOn`}
              type="date"
              label={t('planningEditor.phaseStartsOn')}
              value={row.startsOn ?? ''}
              onChange={(startsOn) => setRow(index, { startsOn })}
              error={errors[`phases.${index}.startsOn`]}
            />
            <TextField
              id={`phase-${index}-endsOn`}
              type="date"
              label={t('planningEditor.phaseEndsOn')}
              value={row.endsOn ?? ''}
              onChange={(endsOn) => setRow(index, { endsOn })}
              error={errors[`phases.${index}.endsOn`]}
            />
            <ButtonGroup>
              <Button
                appearance="subtle-button"
                onClick={() => {
                  onChange(rows.filter((_, i) => i !== index));
                  focus.afterRemove();
                }}
              >
                {t('newTrajectory.removePhase', { n })}
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
            onChange([...rows, { key: rowKey(), name: '', status: 'planned' }]);
            focus.afterAdd();
          }}
        >
          {t('newTrajectory.addPhase')}
        </Button>
      </ButtonGroup>
    </section>
  );
}
