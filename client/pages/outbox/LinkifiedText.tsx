import { Link } from '@utrecht/component-library-react';
import { Fragment } from 'react';
import { RouterLink } from '../../components/RouterLink';

const urlPattern = /https?:\/\/[^\s<>"')]+/g;

/** Splits text into plain parts and addresses; a full stop or comma after an address is not part of it. */
function splitLinks(text: string): Array<{ link: boolean; text: string }> {
  const parts: Array<{ link: boolean; text: string }> = [];
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    const href = match[0].replace(/[.,;:!?]+$/, '');
    const start = match.index;
    if (start > last) parts.push({ link: false, text: text.slice(last, start) });
    parts.push({ link: true, text: href });
    last = start + href.length;
  }
  if (last < text.length) parts.push({ link: false, text: text.slice(last) });
  return parts;
}

function AppOrExternalLink({ href }: { href: string }) {
  let url: URL | undefined;
  try {
    url = new URL(href);
  } catch {
    return <>{href}</>;
  }
  // A link into this very site stays in the app; any other address opens as it is.
  if (url.origin === window.location.origin) {
    return <RouterLink to={`${url.pathname}${url.search}${url.hash}`}>{href}</RouterLink>;
  }
  return (
    <Link href={url.href} rel="noopener noreferrer">
      {href}
    </Link>
  );
}

/** Plain-text mail with its web addresses made into links; the text itself is never parsed as HTML. */
export function LinkifiedText({ text }: { text: string }) {
  return (
    <div className="dt-preformatted">
      {splitLinks(text).map((part, index) =>
        part.link ? <AppOrExternalLink key={index} href={part.text} /> : <Fragment key={index}>{part.text}</Fragment>,
      )}
    </div>
  );
}
