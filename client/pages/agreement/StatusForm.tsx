import { Button } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/forms/SelectField';
import { clauseStatuses } from '../../../shared/domain/agreement';
import type { ClauseStatus } from '../../../shared/domain/agreement';

/** The procurement team moves a clause to another stage. */
export function StatusForm({ id, status, onChange }: { id: string; status: ClauseStatus; onChange: (status: ClauseStatus) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<ClauseStatus>(status);
  // Follow changes made elsewhere (the agreement reloads live).
  useEffect(() => setValue(status), [status]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value !== status) onChange(value);
  };

  return (
    <form className="dt-inline-form dt-status-form" noValidate onSubmit={submit}>
      <SelectField
        id={id}
        label={t('agreement.manage.status')}
        value={value}
        onChange={(next) => setValue(next as ClauseStatus)}
        options={clauseStatuses.map((s) => ({ value: s, label: t(`agreement.status.${s}`) }))}
      />
      <Button type="submit" appearance="secondary-action-button">
        {t('agreement.manage.statusSubmit')}
      </Button>
    </form>
  );
}
