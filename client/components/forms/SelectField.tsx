import { Select, SelectOption } from '@utrecht/component-library-react';
import type { ReactNode, SelectHTMLAttributes } from 'react';
import { describedBy, FieldFrame } from './TextField';

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange' | 'children'> {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: Array<{ value: string; label: string }>;
  /** A first option with an empty value, e.g. "Kies een regio". */
  placeholder?: string;
  error?: string | undefined;
  description?: ReactNode;
}

export function SelectField({ id, label, value, onChange, options, placeholder, error, description, ...select }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} description={description} error={error}>
      <Select
        {...select}
        id={id}
        value={value}
        invalid={Boolean(error)}
        aria-describedby={describedBy(id, description, error)}
        onChange={(event) => onChange(event.target.value)}
      >
        {placeholder !== undefined && <SelectOption value="">{placeholder}</SelectOption>}
        {options.map((option) => (
          <SelectOption key={option.value} value={option.value}>
            {option.label}
          </SelectOption>
        ))}
      </Select>
    </FieldFrame>
  );
}
