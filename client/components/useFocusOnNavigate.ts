import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { useLocation } from 'react-router-dom';

// After client-side navigation the browser leaves focus on the link that was followed, so a
// keyboard or screen-reader user would not notice the new page. Move focus to the new content,
// but not on the first load, where focus belongs at the top of the document.
export function useFocusOnNavigate(target: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    target.current?.focus();
  }, [pathname, target]);
}
