import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementApi } from '../../api/agreement';
import type { Resource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmission } from '../../components/forms/useSubmission';
import type { ClauseStatus } from '../../../shared/domain/agreement';
import type { AgreementDto, ClauseDto } from '../../../shared/schemas/agreement';
import type { TrajectoryDto } from '../../../shared/schemas/trajectories';
import { StatusForm } from '../agreement/StatusForm';
import { findClause } from '../agreement/agreement-helpers';
import { AddVariantDialog } from './AddVariantDialog';

export interface ClauseManageProps {
  trajectory: TrajectoryDto;
  clause: ClauseDto;
  agreement: Resource<AgreementDto>;
  announce: (message: string) => void;
  /** A variant was added: show it. */
  onVariantAdded: (variantId: string) => void;
}

/** The procurement team's controls on one clause: its stage, and a variant for some municipalities. */
export function ClauseManage({ trajectory, clause, agreement, announce, onVariantAdded }: ClauseManageProps) {
  const { t } = useTranslation();
  const { error, submit } = useSubmission();
  const [addingVariant, setAddingVariant] = useState(false);

  const changeStatus = (status: ClauseStatus) =>
    submit(async () => {
      agreement.setData(await agreementApi.updateClause(trajectory.id, clause.id, { status }));
      announce(t('agreement.manage.statusChanged', { number: clause.number, status: t(`agreement.status.${status}`) }));
    });

  const addVariant = async (input: { label: string; municipalities: string[] }) => {
    const next = await agreementApi.addVariant(trajectory.id, clause.id, input);
    const before = new Set(clause.variants.map((v) => v.id));
    const added = findClause(next, clause.id)?.clause.variants.find((v) => !before.has(v.id));
    agreement.setData(next);
    setAddingVariant(false);
    announce(t('agreement.variant.added', { label: input.label }));
    if (added) onVariantAdded(added.id);
  };

  return (
    <>
      {error && <ErrorAlert error={error} />}
      <div className="dt-clause__manage">
        <StatusForm id="clause-status" status={clause.status} onChange={(status) => void changeStatus(status)} />
        <Button appearance="secondary-action-button" onClick={() => setAddingVariant(true)}>
          {t('agreement.clause.addVariant')}
        </Button>
      </div>
      <AddVariantDialog open={addingVariant} clause={clause} municipalities={trajectory.municipalities} onClose={() => setAddingVariant(false)} onSubmit={addVariant} />
    </>
  );
}
