import * as snowballModule from 'snowball-stemmers';

/*
 * How Dutch text becomes search terms, the same at index and at query time: lower case, accents
 * folded ("zorgcontinuïteit" and "zorgcontinuiteit" are one word), then the Snowball Dutch stem
 * ("afspraken" and "afspraak" are one word).
 */

// A CommonJS module marked __esModule: Node's ESM loader puts its exports under `default`, bundlers and tsx's CommonJS mode at the top.
const snowball = ('newStemmer' in snowballModule ? snowballModule : (snowballModule as unknown as { default: typeof snowballModule }).default) as typeof snowballModule;
const stemmer = snowball.newStemmer('dutch');

/** Words: runs of letters and digits (Unicode), with their offsets in the original text. */
const wordPattern = /[\p{L}\p{N}]+/gu;

export function foldDiacritics(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '');
}

/** Words seen recently and their terms: highlighting stems every word of a result's text, and a trajectory's vocabulary is small. */
const termCache = new Map<string, string | null>();
const termCacheSize = 50_000;

/** A word as the index holds it, or null for a word too short to be worth finding. */
export function searchTerm(word: string): string | null {
  const cached = termCache.get(word);
  if (cached !== undefined) return cached;
  const folded = foldDiacritics(word.toLowerCase());
  const term = folded.length < 2 && !/\d/.test(folded) ? null : stemmer.stem(folded);
  if (termCache.size >= termCacheSize) termCache.clear();
  termCache.set(word, term);
  return term;
}

export function tokenize(text: string): string[] {
  return text.match(wordPattern) ?? [];
}

/** Each word of `text` with where it is, for highlighting. */
export function wordsWithOffsets(text: string): Array<{ word: string; start: number; end: number }> {
  const out: Array<{ word: string; start: number; end: number }> = [];
  for (const match of text.matchAll(wordPattern)) out.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  return out;
}
