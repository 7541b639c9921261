import { Link } from '@utrecht/component-library-react';
import type { LinkProps } from '@utrecht/component-library-react';
import type { MouseEvent } from 'react';
import { useHref, useLinkClickHandler } from 'react-router-dom';

export interface RouterLinkProps extends Omit<LinkProps, 'href'> {
  to: string;
}

// The NL Design System link look with client-side navigation, so following a link inside the
// app does not reload the page (and drop the live connection).
export function RouterLink({ to, onClick, ...props }: RouterLinkProps) {
  const href = useHref(to);
  const navigate = useLinkClickHandler<HTMLAnchorElement>(to);
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (!event.defaultPrevented) navigate(event);
  };
  return <Link {...props} href={href} onClick={handleClick} />;
}
