import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

interface Option {
  value: string;
  label: ReactNode;
}

interface GroupProps {
  id: string;
  legend: ReactNode;
  options: Option[];
  error?: string | undefined;
  description?: ReactNode;
}

function GroupFrame({ id, legend, error, description, children }: Omit<GroupProps, 'options'> & { children: ReactNode }) {
  const ids = [description ? `${id}-description` : undefined, error ? `${id}-error` : undefined].filter(Boolean);
  return (
    <Fieldset id={id} invalid={Boolean(error)} aria-describedby={ids.length ? ids.join(' ') : undefined} className="dt-choice-group">
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description && <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      {children}
    </Fieldset>
  );
}

export interface RadioGroupProps extends GroupProps {
  name: string;
  value: string;
  onChange: (value: string) => void;
}

/** Radio buttons in a fieldset whose legend is the question. */
export function RadioGroup({ name, value, onChange, options, ...frame }: RadioGroupProps) {
  return (
    <GroupFrame {...frame}>
      {options.map((option) => {
        const optionId = `${frame.id}-${option.value}`;
        return (
          <FormField key={option.value} type="radio" className="dt-choice">
            <RadioButton
              id={optionId}
              name={name}
              value={option.value}
              checked={value === option.value}
              invalid={Boolean(frame.error)}
              onChange={() => onChange(option.value)}
              className="utrecht-form-field__input"
            />
            <FormLabel htmlFor={optionId} type="radio" checked={value === option.value} className="utrecht-form-field__label">
              {option.label}
            </FormLabel>
          </FormField>
        );
      })}
    </GroupFrame>
  );
}

export interface CheckboxGroupProps extends GroupProps {
  values: string[];
  onChange: (values: string[]) => void;
}

export function CheckboxGroup({ values, onChange, options, ...frame }: CheckboxGroupProps) {
  const toggle = (value: string, checked: boolean) =>
    onChange(checked ? [...values, value] : values.filter((v) => v !== value));
  return (
    <GroupFrame {...frame}>
      {options.map((option, index) => {
        const optionId = `${frame.id}-${index}`;
        const checked = values.includes(option.value);
        return (
          <FormField key={option.value} type="checkbox" className="dt-choice">
            <Checkbox
              id={optionId}
              value={option.value}
              checked={checked}
              invalid={Boolean(frame.error)}
              onChange={(event) => toggle(option.value, event.target.checked)}
              className="utrecht-form-field__input"
            />
            <FormLabel htmlFor={optionId} type="checkbox" checked={checked} className="utrecht-form-field__label">
              {option.label}
            </FormLabel>
          </FormField>
        );
      })}
    </GroupFrame>
  );
}
