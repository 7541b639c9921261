import { useEffect, useRef, useState } from 'react';

/**
 * Keeps keyboard users oriented in a list of rows: after "add", focus goes to the new row's
 * first field; after "remove", to the add button (the removed row's button is gone).
 */
export function useRowFocus(prefix: string, firstField: string, count: number) {
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState<'added' | 'removed' | undefined>(undefined);

  useEffect(() => {
    if (pending === 'added') document.getElementById(`${prefix}-${count - 1}-${firstField}`)?.focus();
    if (pending === 'removed') addButtonRef.current?.focus();
    if (pending) setPending(undefined);
  }, [pending, count, prefix, firstField]);

  return {
    addButtonRef,
    afterAdd: () => setPending('added'),
    afterRemove: () => setPending('removed'),
  };
}
