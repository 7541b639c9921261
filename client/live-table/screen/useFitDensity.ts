import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * How tightly a panel must pack its content to fit its box without scrolling: 0 is the roomiest
 * layout, `max` the tightest. After each render the panel is measured and, while its content
 * overflows, the next level is tried (each level is a CSS layout, chosen by `data-density`).
 * `content` names what is shown (a new poll starts roomy again); a resized window starts over.
 */
export function useFitDensity(panel: RefObject<HTMLElement | null>, max: number, content: string): number {
  const [fit, setFit] = useState({ content, level: 0, size: 0 });
  const [size, setSize] = useState(0);
  const level = fit.content === content && fit.size === size ? fit.level : 0;

  useLayoutEffect(() => {
    const onResize = () => setSize((n) => n + 1);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  useLayoutEffect(() => {
    const element = panel.current;
    if (!element) return;
    const overflows = element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1;
    if (fit.content !== content || fit.size !== size) setFit({ content, level: 0, size });
    else if (overflows && level < max) setFit({ content, level: level + 1, size });
  });
  return level;
}
