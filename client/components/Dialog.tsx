import { Heading2 } from '@utrecht/component-library-react';
import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

export interface DialogProps {
  open: boolean;
  title: string;
  /** Called when the person closes the dialog with Escape (or the caller's cancel button). */
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal dialog on the native <dialog>: the browser keeps focus inside it, Escape closes it,
 * and the rest of the page is inert meanwhile. Focus starts at the first control, or at the
 * one marked `data-autofocus`, and goes back to where it was on closing.
 */
export function Dialog({ open, title, onClose, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const returnFocusTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocusTo.current = document.activeElement as HTMLElement | null;
      dialog.showModal();
      // The browser focuses the first control; a dialog may name a safer one (e.g. "Annuleren").
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const onDialogClose = () => {
      const target = returnFocusTo.current;
      returnFocusTo.current = null;
      if (target?.isConnected) target.focus();
    };
    dialog.addEventListener('close', onDialogClose);
    return () => dialog.removeEventListener('close', onDialogClose);
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className="dt-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <Heading2 id={titleId}>{title}</Heading2>
      {open && children}
    </dialog>
  );
}
