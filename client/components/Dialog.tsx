import { Heading2 } from '@utrecht/component-library-react';
import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

export interface DialogProps {
  open: boolean;
  title: string;
  /** Called when the person closes the dialog with Escape (or the caller's cancel button). */
  onClose: () => void;
  children: ReactNode;
  /** Where focus goes on closing; the control that opened the dialog when this gives nothing. */
  returnFocus?: () => HTMLElement | null | undefined;
}

/**
 * A modal dialog on the native <dialog>: the browser keeps focus inside it, Escape closes it,
 * and the rest of the page is inert meanwhile. Focus starts at the first control, or at the
 * one marked `data-autofocus`, and goes back to where it was on closing.
 */
export function Dialog({ open, title, onClose, children, returnFocus }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const returnFocusTo = useRef<HTMLElement | null>(null);
  // The close event comes after the render that closed the dialog: it asks the latest wish.
  const focusWish = useRef(returnFocus);
  focusWish.current = returnFocus;

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
      const target = focusWish.current?.() ?? returnFocusTo.current;
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
