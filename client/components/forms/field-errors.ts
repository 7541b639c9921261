import type { TFunction } from 'i18next';

/** Translated messages per field, keyed by the dotted path the server uses (e.g. `milestones.0.date`). */
export type FieldErrors = Record<string, string>;

// The server's field messages are English (they come from the shared zod schemas). Map the
// common ones; anything else gets a plain "check this field", which is always true and usable.
type FieldErrorKey =
  | 'required'
  | 'tooLong'
  | 'passwordTooShort'
  | 'email'
  | 'date'
  | 'municipalities'
  | 'municipalityNotInRegion'
  | 'reason'
  | 'link'
  | 'region'
  | 'choose'
  | 'generic';

const known: Array<[RegExp, FieldErrorKey]> = [
  [/^is required$/i, 'required'],
  [/^invalid input: expected \w+, received undefined$/i, 'required'],
  [/^is too long$/i, 'tooLong'],
  [/at least 10 characters/i, 'passwordTooShort'],
  [/at most \d+ characters/i, 'tooLong'],
  [/e-?mail/i, 'email'],
  [/must be a date/i, 'date'],
  [/at least one municipality/i, 'municipalities'],
  [/not in this region/i, 'municipalityNotInRegion'],
  [/reason is required/i, 'reason'],
  [/not a valid link/i, 'link'],
  [/no such region/i, 'region'],
  [/not a valid id/i, 'choose'],
  [/invalid option/i, 'choose'],
];

/** A message code of a shared schema's refinement: the key of the client's own words (e.g. `sessions.form.errors.endBeforeStart`). */
const messageCode = /^[a-z]+(\.[a-zA-Z]+)+$/;

export function translateFieldMessage(message: string, t: TFunction): string {
  if (messageCode.test(message)) {
    // A code is a key only when the messages have it: i18next answers an unknown key with the key itself.
    const text = (t as unknown as (key: string) => string)(message);
    if (text !== message) return text;
  }
  const key = known.find(([pattern]) => pattern.test(message.trim()))?.[1] ?? 'generic';
  return t(`fieldError.${key}`);
}

export function translateFieldErrors(fields: Record<string, string> | undefined, t: TFunction): FieldErrors {
  const result: FieldErrors = {};
  for (const [path, message] of Object.entries(fields ?? {})) result[path] = translateFieldMessage(message, t);
  return result;
}

/** The error for a field, or for any of its parts (`organisation` also shows `organisation.name`'s). */
export function errorFor(errors: FieldErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const nested = Object.keys(errors).find((key) => key.startsWith(`${path}.`));
  return nested ? errors[nested] : undefined;
}
