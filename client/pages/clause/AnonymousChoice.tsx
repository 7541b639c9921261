import { Checkbox, FormField, FormFieldDescription, FormLabel } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

/** For client representatives: post without one's name; the table sees "cliëntvertegenwoordiger". */
export function AnonymousChoice({ id, checked, onChange }: { id: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <FormField type="checkbox" className="dt-choice dt-anonymous">
      <Checkbox
        id={id}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={`${id}-description`}
        className="utrecht-form-field__input"
      />
      <FormLabel htmlFor={id} type="checkbox" checked={checked} className="utrecht-form-field__label">
        {t('agreement.comments.anonymous')}
      </FormLabel>
      <FormFieldDescription id={`${id}-description`} className="dt-anonymous__hint">
        {t('agreement.comments.anonymousHint')}
      </FormFieldDescription>
    </FormField>
  );
}
