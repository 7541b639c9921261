import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { CheckboxGroup } from '../../components/forms/ChoiceGroup';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { errorFor } from '../../components/forms/field-errors';
import { TextField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
import type { ClauseDto } from '../../../shared/schemas/agreement';
import { joinNames } from '../agreement/agreement-helpers';

export interface AddVariantDialogProps {
  open: boolean;
  clause: ClauseDto;
  /** The trajectory's participating municipalities. */
  municipalities: string[];
  onClose: () => void;
  onSubmit: (input: { label: string; municipalities: string[] }) => Promise<void>;
}

/** The procurement team adds a municipality variant: a name and the municipalities it is for. */
export function AddVariantDialog({ open, clause, municipalities, onClose, onSubmit }: AddVariantDialogProps) {
  const { t, i18n } = useTranslation();
  const submission = useSubmission();
  const [label, setLabel] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const { clear } = submission;
  const taken = clause.variants.flatMap((v) => v.municipalities);
  const free = municipalities.filter((m) => !taken.includes(m));

  useEffect(() => {
    if (!open) return;
    setLabel('');
    setChosen([]);
    clear();
  }, [open, clear]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!label.trim()) local.label = t('fieldError.required');
    if (chosen.length === 0) local.municipalities = t('fieldError.municipalities');
    await submission.submit(() => onSubmit({ label: label.trim(), municipalities: chosen }), local);
  };
  const summary = submission.summary({
    label: { target: 'variant-label', label: t('agreement.variant.label') },
    municipalities: { target: 'variant-municipalities', label: t('agreement.variant.municipalities') },
  });

  return (
    <Dialog open={open} title={t('agreement.variant.title')} onClose={onClose}>
      <form noValidate onSubmit={(event) => void submit(event)} className="dt-form" data-testid="variant-form">
        <Paragraph>{t('agreement.variant.intro')}</Paragraph>
        {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
        <TextField id="variant-label" label={t('agreement.variant.label')} description={t('agreement.variant.labelHint')} value={label} onChange={setLabel} required error={errorFor(submission.fieldErrors, 'label')} />
        {free.length > 0 ? (
          <CheckboxGroup
            id="variant-municipalities"
            legend={t('agreement.variant.municipalities')}
            description={
              taken.length > 0
                ? `${t('agreement.variant.municipalitiesHint')} ${t('agreement.variant.taken', { municipalities: joinNames(taken, i18n.language) })}`
                : t('agreement.variant.municipalitiesHint')
            }
            options={free.map((m) => ({ value: m, label: m }))}
            values={chosen}
            onChange={setChosen}
            error={errorFor(submission.fieldErrors, 'municipalities')}
          />
        ) : (
          <Paragraph>{t('agreement.variant.noneLeft')}</Paragraph>
        )}
        <ButtonGroup>
          {free.length > 0 && (
            <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
              {t('agreement.variant.submit')}
            </Button>
          )}
          <Button type="button" appearance="subtle-button" onClick={onClose} data-autofocus={free.length === 0 ? true : undefined}>
            {t('cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </Dialog>
  );
}
