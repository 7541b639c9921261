import { ButtonLink } from '@utrecht/component-library-react';
import type { ButtonLinkProps } from '@utrecht/component-library-react';
import type { MouseEvent } from 'react';
import { useHref, useLinkClickHandler } from 'react-router-dom';

export interface ButtonRouterLinkProps extends Omit<ButtonLinkProps, 'href'> {
  to: string;
}

/** A link that looks like a button (it goes somewhere, so it is a link), with client-side navigation. */
export function ButtonRouterLink({ to, onClick, ...props }: ButtonRouterLinkProps) {
  const href = useHref(to);
  const navigate = useLinkClickHandler<HTMLAnchorElement>(to);
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (!event.defaultPrevented) navigate(event);
  };
  return <ButtonLink {...props} href={href} onClick={handleClick} />;
}
