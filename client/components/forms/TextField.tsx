import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import type { InputHTMLAttributes, ReactNode, Ref, TextareaHTMLAttributes } from 'react';

interface CommonProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** A translated message; the field is marked invalid and the message is read with it. */
  error?: string | undefined;
  description?: ReactNode;
}

function describedBy(id: string, description: ReactNode, error: string | undefined): string | undefined {
  const ids = [description ? `${id}-description` : undefined, error ? `${id}-error` : undefined].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldFrame({ id, label, description, error, children }: Omit<CommonProps, 'value' | 'onChange'> & { children: ReactNode }) {
  return (
    <FormField invalid={Boolean(error)} type="text" className="dt-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {description && (
        <FormFieldDescription id={`${id}-description`} className="utrecht-form-field__description">
          {description}
        </FormFieldDescription>
      )}
      {error && (
        <FormFieldErrorMessage id={`${id}-error`} className="utrecht-form-field__error-message">
          {error}
        </FormFieldErrorMessage>
      )}
      <div className="utrecht-form-field__input">{children}</div>
    </FormField>
  );
}

export interface TextFieldProps
  extends CommonProps,
    Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'children'> {
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled text input with its description and error message wired to it. */
export function TextField({ id, label, value, onChange, error, description, inputRef, ...input }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} description={description} error={error}>
      <Textbox
        {...input}
        ref={inputRef}
        id={id}
        value={value}
        invalid={Boolean(error)}
        aria-describedby={describedBy(id, description, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </FieldFrame>
  );
}

export interface TextAreaFieldProps
  extends CommonProps,
    Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange' | 'children'> {}

export function TextAreaField({ id, label, value, onChange, error, description, ...input }: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} description={description} error={error}>
      <Textarea
        {...input}
        id={id}
        value={value}
        invalid={Boolean(error)}
        aria-describedby={describedBy(id, description, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </FieldFrame>
  );
}

export { describedBy, FieldFrame };
