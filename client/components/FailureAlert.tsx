import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { Ref } from 'react';

export interface FailureAlertProps {
  /** What went wrong, in the user's words. */
  message: string;
  /** The alert's own class (e.g. `dt-alert` for its margins). */
  className?: string;
  /** Set where the failure takes focus (a submission's `summaryRef`): the alert is then wrapped in a focusable block. */
  focusRef?: Ref<HTMLDivElement>;
  /** The focusable block's class, for its focus outline. */
  focusClassName?: string;
}

/** A refused step said in one sentence, read out at once (role="alert"). */
export function FailureAlert({ message, className, focusRef, focusClassName }: FailureAlertProps) {
  const alert = (
    <Alert type="error" role="alert" {...(className ? { className } : {})}>
      <Paragraph>{message}</Paragraph>
    </Alert>
  );
  if (!focusRef) return alert;
  return (
    <div ref={focusRef} tabIndex={-1} className={focusClassName}>
      {alert}
    </div>
  );
}
