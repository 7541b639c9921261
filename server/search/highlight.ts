import type { HighlightedText } from '../../shared/schemas/search';
import { searchTerm, wordsWithOffsets } from './dutch-text';

/** How much text a snippet shows around its first match. */
const snippetLength = 220;
const snippetLead = 60;

/** Ranges of the words in `text` whose search term is one of `terms` (the terms that matched). */
function matchRanges(text: string, terms: ReadonlySet<string>): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const { word, start, end } of wordsWithOffsets(text)) {
    const term = searchTerm(word);
    if (term !== null && terms.has(term)) ranges.push([start, end]);
  }
  return ranges;
}

export function highlight(text: string, terms: ReadonlySet<string>): HighlightedText {
  return { text, ranges: matchRanges(text, terms) };
}

/**
 * A window of the text around its first match, on word boundaries, with the matches in it; the
 * beginning of the text when nothing in it matched. Offsets are relative to the snippet.
 */
export function snippet(text: string, terms: ReadonlySet<string>): HighlightedText | null {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return null;
  // Only the words up to the first match and those in the window are stemmed: a clause's text is long.
  const first = firstMatch(flat, terms);
  let start = first ? Math.max(0, first[0] - snippetLead) : 0;
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space >= 0 && space < first![0] ? space + 1 : start;
  }
  let end = Math.min(flat.length, start + snippetLength);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const prefix = start > 0 ? '… ' : '';
  const suffix = end < flat.length ? ' …' : '';
  const window = flat.slice(start, end);
  return {
    text: prefix + window + suffix,
    ranges: matchRanges(window, terms).map(([s, e]) => [s + prefix.length, e + prefix.length] as [number, number]),
  };
}

function firstMatch(text: string, terms: ReadonlySet<string>): [number, number] | null {
  for (const { word, start, end } of wordsWithOffsets(text)) {
    const term = searchTerm(word);
    if (term !== null && terms.has(term)) return [start, end];
  }
  return null;
}
