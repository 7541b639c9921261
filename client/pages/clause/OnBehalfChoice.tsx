import { Checkbox, FormField, FormFieldDescription, FormLabel } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/forms/TextField';

export interface OnBehalfValue {
  checked: boolean;
  description: string;
}

/**
 * For the facilitator and the procurement team: record a contribution for someone without an
 * account. The description ("een jongere van Team Ed") is shown instead of the recorder's group.
 */
export function OnBehalfChoice({ id, value, onChange, error }: { id: string; value: OnBehalfValue; onChange: (value: OnBehalfValue) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="dt-on-behalf">
      <FormField type="checkbox" className="dt-choice">
        <Checkbox
          id={id}
          checked={value.checked}
          onChange={(event) => onChange({ ...value, checked: event.target.checked })}
          aria-describedby={`${id}-description`}
          className="utrecht-form-field__input"
        />
        <FormLabel htmlFor={id} type="checkbox" checked={value.checked} className="utrecht-form-field__label">
          {t('onBehalf.choice')}
        </FormLabel>
        <FormFieldDescription id={`${id}-description`}>{t('onBehalf.choiceHint')}</FormFieldDescription>
      </FormField>
      {value.checked && (
        <TextField
          id={`${id}-text`}
          label={t('onBehalf.description')}
          description={t('onBehalf.descriptionHint')}
          value={value.description}
          onChange={(description) => onChange({ ...value, description })}
          maxLength={120}
          required
          error={error}
        />
      )}
    </div>
  );
}

/** The client's check of the description; the server checks the same bounds (shared/schemas/on-behalf). */
export function onBehalfError(value: OnBehalfValue): 'tooShort' | 'tooLong' | null {
  if (!value.checked) return null;
  const text = value.description.trim();
  if (text.length < 3) return 'tooShort';
  if (text.length > 120) return 'tooLong';
  return null;
}
