import type { ReactNode } from 'react';

export interface ScrollRegionProps {
  /** The id of the heading that names the table; the region is announced with it. */
  labelledBy?: string;
  /** A name of its own, where no heading names the table. */
  label?: string;
  /** Scrolls sideways beyond the text column on wide screens too. */
  wide?: boolean;
  children: ReactNode;
}

/**
 * A wide table that scrolls sideways on a phone. The scrolling box takes keyboard focus and has a
 * name, so someone without a mouse can scroll it with the arrow keys (WCAG 2.1.1, axe's
 * scrollable-region-focusable). It is a named group, not a region: the section around it is the
 * landmark already, and two landmarks with one name confuse a screen reader's landmark list.
 */
export function ScrollRegion({ labelledBy, label, wide, children }: ScrollRegionProps) {
  return (
    <div className={wide ? 'dt-table-scroll dt-wide' : 'dt-table-scroll'} role="group" aria-labelledby={labelledBy} aria-label={labelledBy ? undefined : label} tabIndex={0}>
      {children}
    </div>
  );
}
