import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';

/**
 * A table that may be wider than its column. Only when it really scrolls does the wrapper become
 * a tab stop (named by the table's caption), so keyboard users can scroll it; otherwise it adds
 * no stop (WCAG 2.1.1 without noise).
 */
export function ScrollTable({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const check = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className="dt-table-scroll"
      {...(scrolls ? { tabIndex: 0, role: 'group', 'aria-labelledby': labelledBy } : {})}
    >
      {children}
    </div>
  );
}
