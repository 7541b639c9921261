import type { HighlightedText } from '../../../shared/schemas/search';

/** Plain text with its matched ranges in <mark>: built from offsets, never from markup. */
export function Highlighted({ value }: { value: HighlightedText }) {
  const parts: Array<{ text: string; mark: boolean }> = [];
  let at = 0;
  for (const [start, end] of [...value.ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at || end > value.text.length || end <= start) continue;
    if (start > at) parts.push({ text: value.text.slice(at, start), mark: false });
    parts.push({ text: value.text.slice(start, end), mark: true });
    at = end;
  }
  if (at < value.text.length) parts.push({ text: value.text.slice(at), mark: false });
  return <>{parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}
