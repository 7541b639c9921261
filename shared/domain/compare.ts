/**
 * A word-level comparison ("vergelijking") of two versions of a clause's text, for readers who
 * are not used to diffs: inserted words, deleted words, and passages that were moved as a whole.
 *
 * Pure (no DOM, no Node APIs, no clock): it runs in the browser and on the server alike.
 *
 * The output is an ordered list of segments. Reading the 'same', 'deleted' and 'moved-from'
 * segments in order gives exactly the old text; reading the 'same', 'inserted' and 'moved-to'
 * segments gives exactly the new text. Every character counts, paragraph breaks ("\n")
 * included, so a renderer can rely on the segments to rebuild either version.
 *
 * How it works, in two levels:
 *
 * 1. Sentences. Both texts are cut into sentence units (a unit ends at . ! ? ; : followed by
 *    whitespace, or at a line break), compared with whitespace collapsed, and aligned in order
 *    (see `alignUnits`). Equal units left out of the alignment are moves: a deleted and an
 *    inserted run of units with the same text, together at least {@link MIN_MOVE_WORDS} words.
 *    This level is what finds moved sentences and paragraphs. A word diff alone does not: for a
 *    paragraph moved past another paragraph of similar length, the longest common subsequence
 *    of *words* pairs the common words of the two paragraphs ("de", "van", "binnen", and with
 *    diffWordsWithSpace every single space) and reports a comb of one-word replacements instead
 *    of one deletion and one insertion.
 * 2. Words. Between units that are unchanged, the remaining text (moved units taken out) is
 *    compared word by word with jsdiff's `diffWordsWithSpace`, and the result is tidied for
 *    reading (see `absorbSmallEqualities`). Deleted and inserted runs that still contain the
 *    same passage of at least {@link MIN_MOVE_WORDS} words, cut at sentence ends, line breaks or
 *    punctuation, are then also reported as moves (for a clause moved within a sentence).
 *
 * Why `diffWordsWithSpace` and not `diffWords`: `diffWords` ignores whitespace when it compares,
 * and then puts the *new* text's whitespace into unchanged parts. A sentence break that became a
 * paragraph break ("zin. Volgende" → "zin.\nVolgende") is then reported as no change at all, and
 * the old text can no longer be rebuilt from the segments. `diffWordsWithSpace` treats every
 * word, punctuation mark, newline and run of spaces as a token of its own, so nothing is lost:
 * "cliënt" and "één" stay whole words, "dagen." is the word "dagen" plus ".", and a changed
 * paragraph break is visible. Its one weakness, many tiny matches on spaces and short words
 * between rewritten words, is what the sentence level and the tidying step take care of.
 */
import { diffArrays, diffWordsWithSpace } from 'diff';

export type CompareKind = 'same' | 'inserted' | 'deleted' | 'moved-from' | 'moved-to';

export interface CompareSegment {
  kind: CompareKind;
  /** The text of this part, whitespace and "\n" included. Never empty. */
  text: string;
  /** Pairs a 'moved-from' segment with its 'moved-to' segment; numbered 1, 2, … in reading order. */
  moveId?: number;
}

export interface CompareSummary {
  /** Words in inserted text (moved text not included). */
  inserted: number;
  /** Words in deleted text (moved text not included). */
  deleted: number;
  /** Number of moved passages (not words). */
  moved: number;
}

/** A deleted and an inserted passage with the same text are a move only from this many words. */
export const MIN_MOVE_WORDS = 3;

/**
 * Above this many word-diff edits within one changed stretch, stop looking for a fine-grained
 * word alignment and show the stretch as deleted + inserted: that keeps the cost bounded for
 * very large, completely rewritten texts, and such a stretch is unreadable word by word anyway.
 */
const MAX_WORD_EDITS = 1500;

/** Compares two versions of a text (paragraphs separated by "\n") word by word. */
export function compareTexts(oldText: string, newText: string): CompareSegment[] {
  if (oldText === newText) return oldText === '' ? [] : [{ kind: 'same', text: oldText }];
  const moves = new MoveKeys();
  const items = sentenceLevel(oldText, newText, moves);
  return finish(wordLevelMoves(items, moves));
}

/** Word counts for a one-line summary: "3 woorden toegevoegd, 2 verwijderd, 1 passage verplaatst". */
export function compareSummary(segments: readonly CompareSegment[]): CompareSummary {
  let inserted = 0;
  let deleted = 0;
  const moved = new Set<number>();
  for (const segment of segments) {
    if (segment.kind === 'inserted') inserted += countWords(segment.text);
    else if (segment.kind === 'deleted') deleted += countWords(segment.text);
    else if (segment.kind === 'moved-from' || segment.kind === 'moved-to') moved.add(segment.moveId ?? -1);
  }
  return { inserted, deleted, moved: moved.size };
}

/** The old text, rebuilt from the segments. */
export function oldTextOf(segments: readonly CompareSegment[]): string {
  return segments
    .filter((s) => s.kind === 'same' || s.kind === 'deleted' || s.kind === 'moved-from')
    .map((s) => s.text)
    .join('');
}

/** The new text, rebuilt from the segments. */
export function newTextOf(segments: readonly CompareSegment[]): string {
  return segments
    .filter((s) => s.kind === 'same' || s.kind === 'inserted' || s.kind === 'moved-to')
    .map((s) => s.text)
    .join('');
}

/** Words: whitespace-separated pieces with at least one letter or digit (so "–" or "," is none). */
export function countWords(text: string): number {
  let count = 0;
  for (const piece of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(piece)) count++;
  return count;
}

// ---------------------------------------------------------------------------------------------
// Internal representation

/** An intermediate part of the comparison: unchanged text, a change, or one side of a move. */
type Item =
  | { kind: 'same'; text: string }
  | { kind: 'change'; del: string; ins: string }
  | { kind: 'moved-from' | 'moved-to'; text: string; key: number };

/** Hands out provisional move keys; {@link finish} renumbers them in reading order. */
class MoveKeys {
  private next = 1;
  take(): number {
    return this.next++;
  }
}

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A word (whitespace-separated piece) that ends a sentence or clause: "dagen." "bepaald;" "(zie hieronder):" */
const sentenceEnd = /[.!?;:]["'”’»)\]]*$/;

// ---------------------------------------------------------------------------------------------
// Level 1: sentences

/** A piece of a text at the sentence level: a sentence unit, or the whitespace between two. */
interface Token {
  text: string;
  /** Set for a sentence unit, absent for separating whitespace. */
  unit?: Unit;
}

interface Unit {
  /** Exact text, without the whitespace around it. */
  text: string;
  /** Whitespace-collapsed text, for comparing. */
  key: string;
  words: number;
  /** Its distinct words, lower case, for telling whether two sentences are alike. */
  vocabulary: Set<string>;
  /** Index of this unit in its text's token list. */
  index: number;
}

/**
 * Cuts a text into sentence units and the whitespace between them; the tokens add up to the
 * text. Whitespace separates units when it contains a line break or follows a sentence end, and
 * whitespace at the start and end of the text is a separator of its own too.
 */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pushUnit = (unitText: string) => {
    const index = tokens.length;
    const vocabulary = new Set(unitText.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    tokens.push({
      text: unitText,
      unit: { text: unitText, key: normalise(unitText), words: countWords(unitText), vocabulary, index },
    });
  };
  let start = 0;
  for (const match of text.matchAll(/\s+/g)) {
    const at = match.index;
    const end = at + match[0].length;
    const content = text.slice(start, at);
    if (at === 0 || end === text.length || match[0].includes('\n') || sentenceEnd.test(content)) {
      if (content !== '') pushUnit(content);
      tokens.push({ text: match[0] });
      start = end;
    }
  }
  if (start < text.length) pushUnit(text.slice(start));
  return tokens;
}

type Aligned = { old?: Unit; new?: Unit };

/** Aligns the sentence units, finds moved sentences, and compares everything in between by word. */
function sentenceLevel(oldText: string, newText: string, moves: MoveKeys): Item[] {
  const oldTokens = tokenize(oldText);
  const newTokens = tokenize(newText);
  const oldUnits = oldTokens.flatMap((t) => (t.unit ? [t.unit] : []));
  const newUnits = newTokens.flatMap((t) => (t.unit ? [t.unit] : []));
  // Units that end up out of place but cannot be shown as moved (too short) weigh more in a
  // second (and third) round of aligning, so that something that can be shown as moved moves.
  const unmovable = new Set<string>();
  let aligned = alignUnits(oldUnits, newUnits, unmovable);
  let movedKey = findSentenceMoves(aligned, moves);
  for (let round = 0; round < 2; round++) {
    const oldOut = new Set(aligned.flatMap((e) => (e.old && !e.new && !movedKey.has(e.old) ? [e.old.key] : [])));
    const newOut = aligned.flatMap((e) => (e.new && !e.old && !movedKey.has(e.new) ? [e.new.key] : []));
    const stuck = newOut.filter((key) => oldOut.has(key) && !unmovable.has(key));
    if (stuck.length === 0) break;
    for (const key of stuck) unmovable.add(key);
    aligned = alignUnits(oldUnits, newUnits, unmovable);
    movedKey = findSentenceMoves(aligned, moves);
  }

  // Units that are equal character for character anchor the comparison. Everything between two
  // anchors (deleted and inserted units, units that differ only in whitespace inside, and the
  // whitespace between units) is compared word by word.
  const items: Item[] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const entry of aligned) {
    if (!entry.old || !entry.new || entry.old.text !== entry.new.text) continue;
    items.push(
      ...compareStretch(oldTokens.slice(oldAt, entry.old.index), newTokens.slice(newAt, entry.new.index), movedKey),
      { kind: 'same', text: entry.old.text },
    );
    oldAt = entry.old.index + 1;
    newAt = entry.new.index + 1;
  }
  items.push(...compareStretch(oldTokens.slice(oldAt), newTokens.slice(newAt), movedKey));
  return items;
}

/**
 * Above this many (old unit × new unit) pairs left after trimming the unchanged start and end,
 * units are aligned by jsdiff on exact equality only (fast), without the weighing below.
 */
const MAX_ALIGN_PAIRS = 1_000_000;

/**
 * Aligns the sentence units of both texts in order. Units that are not aligned are deleted or
 * inserted, or, when the other text has the same unit, moved. When text is reordered there are
 * several ways to say what happened ("P1 moved down" or "P2 and P3 moved up"), and the alignment
 * picks the one a reader would, by weighing what each aligned pair is worth:
 *
 * - an equal unit: 1, plus a little per word. So as few units as possible are marked as moved,
 *   and of two equally good choices the shorter text is the one marked as moved.
 * - an equal unit that could not be shown as moved (fewer than {@link MIN_MOVE_WORDS} words, on
 *   its own): more than a whole sentence, see `unmovable`. "Slot." out of place would otherwise
 *   be shown as deleted and inserted, while the sentence it was swapped with can be shown as moved.
 * - an edited unit (at least half of its distinct words in common with a unit on the other side,
 *   neither of the two present unchanged anywhere on the other side): a quarter per shared word.
 *   So for "P1 P2 P3" → "P2 P3' P1" (P1 moved, P3 edited) the alignment keeps P2 and P3~P3' and
 *   moves P1, and P3' is compared word by word; keeping P1 would show all of P3 as replaced.
 */
function alignUnits(oldUnits: Unit[], newUnits: Unit[], unmovable: ReadonlySet<string>): Aligned[] {
  let head = 0;
  while (head < oldUnits.length && head < newUnits.length && oldUnits[head]!.key === newUnits[head]!.key) head++;
  let oldEnd = oldUnits.length;
  let newEnd = newUnits.length;
  while (oldEnd > head && newEnd > head && oldUnits[oldEnd - 1]!.key === newUnits[newEnd - 1]!.key) {
    oldEnd--;
    newEnd--;
  }
  const a = oldUnits.slice(head, oldEnd);
  const b = newUnits.slice(head, newEnd);
  const pairs = a.length * b.length <= MAX_ALIGN_PAIRS ? weighedPairs(a, b, unmovable) : equalPairs(a, b);

  const aligned: Aligned[] = [];
  for (let k = 0; k < head; k++) aligned.push({ old: oldUnits[k]!, new: newUnits[k]! });
  let i = 0;
  let j = 0;
  for (const [pi, pj] of pairs) {
    while (i < pi) aligned.push({ old: a[i++]! });
    while (j < pj) aligned.push({ new: b[j++]! });
    aligned.push({ old: a[i++]!, new: b[j++]! });
  }
  while (i < a.length) aligned.push({ old: a[i++]! });
  while (j < b.length) aligned.push({ new: b[j++]! });
  for (let k = oldEnd, l = newEnd; k < oldUnits.length; k++, l++) aligned.push({ old: oldUnits[k]!, new: newUnits[l]! });
  return aligned;
}

/** Heaviest in-order pairing of units (a weighted longest common subsequence), as index pairs. */
function weighedPairs(a: Unit[], b: Unit[], unmovable: ReadonlySet<string>): [number, number][] {
  const oldKeys = new Set(a.map((u) => u.key));
  const newKeys = new Set(b.map((u) => u.key));
  const weight = (u: Unit, v: Unit): number => {
    if (u.key === v.key) return (unmovable.has(u.key) ? 1 + Math.max(1, u.words) : 1) + u.words / 1000;
    if (newKeys.has(u.key) || oldKeys.has(v.key)) return 0; // present elsewhere: a move, not an edit
    const [small, large] = u.vocabulary.size <= v.vocabulary.size ? [u, v] : [v, u];
    if (small.vocabulary.size * 3 < large.vocabulary.size) return 0; // cannot have half in common
    let common = 0;
    for (const word of small.vocabulary) if (large.vocabulary.has(word)) common++;
    return (2 * common) / (u.vocabulary.size + v.vocabulary.size) >= 0.5 ? common / 4 : 0;
  };
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const best = new Float64Array((n + 1) * width);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const w = weight(a[i - 1]!, b[j - 1]!);
      const skip = Math.max(best[(i - 1) * width + j]!, best[i * width + j - 1]!);
      best[i * width + j] = w > 0 ? Math.max(skip, best[(i - 1) * width + j - 1]! + w) : skip;
    }
  }
  const pairs: [number, number][] = [];
  for (let i = n, j = m; i > 0 && j > 0; ) {
    const here = best[i * width + j]!;
    if (here === best[(i - 1) * width + j]) i--;
    else if (here === best[i * width + j - 1]) j--;
    else {
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    }
  }
  return pairs.reverse();
}

/**
 * In-order pairing of equal units only, by jsdiff's `diffArrays`, for long texts. A unit of
 * n words goes in as n tokens, so that the pairing keeps as many words in place as possible.
 */
function equalPairs(a: Unit[], b: Unit[]): [number, number][] {
  const expand = (units: Unit[]) =>
    units.flatMap((u, index) => Array.from({ length: Math.max(1, u.words) }, (_, k) => ({ key: `${k} ${u.key}`, index })));
  const oldTokens = expand(a);
  const newTokens = expand(b);
  // For each old unit: the new unit its tokens were matched with (-1 when more than one), and how many.
  const matchedWith = new Map<number, number>();
  const matchedCount = new Map<number, number>();
  let o = 0;
  let n = 0;
  for (const change of diffArrays(
    oldTokens.map((t) => t.key),
    newTokens.map((t) => t.key),
  )) {
    if (change.removed) o += change.count;
    else if (change.added) n += change.count;
    else {
      for (let k = 0; k < change.count; k++, o++, n++) {
        const oi = oldTokens[o]!.index;
        const ni = newTokens[n]!.index;
        const earlier = matchedWith.get(oi);
        matchedWith.set(oi, earlier === undefined || earlier === ni ? ni : -1);
        matchedCount.set(oi, (matchedCount.get(oi) ?? 0) + 1);
      }
    }
  }
  const pairs: [number, number][] = [];
  let next = 0;
  a.forEach((u, oi) => {
    const ni = matchedWith.get(oi);
    // Only a unit matched as a whole with one unit counts (duplicate sentences can split a match).
    if (ni === undefined || ni < next || matchedCount.get(oi) !== Math.max(1, u.words)) return;
    pairs.push([oi, ni]);
    next = ni + 1;
  });
  return pairs;
}

/**
 * Deleted and inserted sentences with the same text are moves. Looks for the longest common
 * run of consecutive deleted units and consecutive inserted units first, so that a moved
 * paragraph of several sentences is one move and not several.
 */
function findSentenceMoves(aligned: Aligned[], moves: MoveKeys): Map<Unit, number> {
  const deletedRuns: Unit[][] = [];
  const insertedRuns: Unit[][] = [];
  let deleted: Unit[] = [];
  let inserted: Unit[] = [];
  for (const entry of aligned) {
    if (entry.old && entry.new) {
      // A unit present on both sides breaks the contiguity of both runs.
      if (deleted.length) deletedRuns.push(deleted);
      if (inserted.length) insertedRuns.push(inserted);
      deleted = [];
      inserted = [];
    } else if (entry.old) deleted.push(entry.old);
    else if (entry.new) inserted.push(entry.new);
  }
  if (deleted.length) deletedRuns.push(deleted);
  if (inserted.length) insertedRuns.push(inserted);

  // Where each inserted unit's text starts a candidate: key → [run, index].
  const insertedAt = new Map<string, [Unit[], number][]>();
  for (const s of insertedRuns) {
    s.forEach((u, si) => {
      const list = insertedAt.get(u.key);
      if (list) list.push([s, si]);
      else insertedAt.set(u.key, [[s, si]]);
    });
  }

  const movedKey = new Map<Unit, number>();
  for (;;) {
    let best: { d: Unit[]; di: number; s: Unit[]; si: number; length: number; words: number } | undefined;
    for (const d of deletedRuns) {
      for (let di = 0; di < d.length; di++) {
        if (movedKey.has(d[di]!)) continue;
        for (const [s, si] of insertedAt.get(d[di]!.key) ?? []) {
          let length = 0;
          let words = 0;
          for (;;) {
            const a = d[di + length];
            const b = s[si + length];
            if (!a || !b || a.key !== b.key || movedKey.has(a) || movedKey.has(b)) break;
            words += a.words;
            length++;
          }
          if (words >= MIN_MOVE_WORDS && (!best || words > best.words)) best = { d, di, s, si, length, words };
        }
      }
    }
    if (!best) return movedKey;
    const key = moves.take();
    for (let k = 0; k < best.length; k++) {
      movedKey.set(best.d[best.di + k]!, key);
      movedKey.set(best.s[best.si + k]!, key);
    }
  }
}

/** One side of a changed stretch: the text without its moved units, and where those go back in. */
interface Side {
  rest: string;
  moved: { at: number; text: string; key: number }[];
}

/**
 * Takes the moved units out of one side of a stretch. A moved unit takes the whitespace after
 * it along (or, when there is none, the whitespace before it), so that "A. M. B." minus "M. "
 * leaves "A. B." and not "A.  B.", and a paragraph moved to the end takes its "\n" along.
 */
function sideOf(tokens: Token[], movedKey: Map<Unit, number>): Side {
  const keyOf = (k: number) => {
    const u = tokens[k]?.unit;
    return u ? movedKey.get(u) : undefined;
  };
  // owner[k]: the move that token k goes with, if any.
  const owner: (number | undefined)[] = tokens.map((_, k) => keyOf(k));
  for (let k = 0; k < tokens.length; k++) {
    const key = keyOf(k);
    if (key === undefined) continue;
    const after = tokens[k + 1];
    const before = tokens[k - 1];
    if (after && !after.unit && owner[k + 1] === undefined) owner[k + 1] = key;
    else if (before && !before.unit && owner[k - 1] === undefined) owner[k - 1] = key;
  }
  const side: Side = { rest: '', moved: [] };
  tokens.forEach((token, k) => {
    const key = owner[k];
    const last = side.moved[side.moved.length - 1];
    if (key === undefined) side.rest += token.text;
    else if (last && last.key === key && last.at === side.rest.length) last.text += token.text;
    else side.moved.push({ at: side.rest.length, text: token.text, key });
  });
  return side;
}

/** Compares a changed stretch between two anchors word by word and puts its moved units in place. */
function compareStretch(oldTokens: Token[], newTokens: Token[], movedKey: Map<Unit, number>): Item[] {
  if (oldTokens.length === 0 && newTokens.length === 0) return [];
  const oldSide = sideOf(oldTokens, movedKey);
  const newSide = sideOf(newTokens, movedKey);
  return placeMoved(compareWords(oldSide.rest, newSide.rest), oldSide, newSide);
}

type Atom = { kind: 'same'; text: string } | { kind: 'del'; text: string } | { kind: 'ins'; text: string };
type MovedItem = Extract<Item, { kind: 'moved-from' | 'moved-to' }>;

/**
 * Puts moved units back at their place in the word comparison of the rest: a moved-from part at
 * its offset in the old text, a moved-to part at its offset in the new text, splitting a part
 * of the word comparison where needed.
 */
function placeMoved(items: Item[], oldSide: Side, newSide: Side): Item[] {
  if (oldSide.moved.length === 0 && newSide.moved.length === 0) return items;
  const atoms: Atom[] = items.flatMap((item): Atom[] =>
    item.kind === 'change'
      ? [
          { kind: 'del', text: item.del },
          { kind: 'ins', text: item.ins },
        ]
      : item.kind === 'same'
        ? [{ kind: 'same', text: item.text }]
        : [],
  );
  const out: (Atom | MovedItem)[] = [];
  let o = 0;
  let n = 0;
  let oi = 0;
  let ni = 0;
  const flush = () => {
    while (oi < oldSide.moved.length && oldSide.moved[oi]!.at <= o) {
      const m = oldSide.moved[oi++]!;
      out.push({ kind: 'moved-from', text: m.text, key: m.key });
    }
    while (ni < newSide.moved.length && newSide.moved[ni]!.at <= n) {
      const m = newSide.moved[ni++]!;
      out.push({ kind: 'moved-to', text: m.text, key: m.key });
    }
  };
  for (const atom of atoms) {
    let text = atom.text;
    while (text !== '') {
      flush();
      const inOld = atom.kind !== 'ins';
      const inNew = atom.kind !== 'del';
      // Cut the atom at the next point (strictly inside it) where a moved part goes.
      let cut = text.length;
      const nextOld = oldSide.moved[oi];
      const nextNew = newSide.moved[ni];
      if (inOld && nextOld && nextOld.at < o + cut) cut = nextOld.at - o;
      if (inNew && nextNew && nextNew.at < n + cut) cut = nextNew.at - n;
      out.push({ kind: atom.kind, text: text.slice(0, cut) });
      if (inOld) o += cut;
      if (inNew) n += cut;
      text = text.slice(cut);
    }
  }
  flush();
  // Put del/ins atoms that are next to each other back together as changes.
  const result: Item[] = [];
  for (const part of out) {
    if (part.kind === 'del' || part.kind === 'ins') {
      const last = result[result.length - 1];
      const change = last?.kind === 'change' ? last : { kind: 'change' as const, del: '', ins: '' };
      if (change !== last) result.push(change);
      if (part.kind === 'del') change.del += part.text;
      else change.ins += part.text;
    } else if (part.kind === 'same') {
      const last = result[result.length - 1];
      if (last?.kind === 'same') last.text += part.text;
      else result.push({ kind: 'same', text: part.text });
    } else result.push(part);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Level 2: words

/** Word comparison of two (short) stretches of text, tidied for reading. */
function compareWords(oldText: string, newText: string): Item[] {
  if (oldText === newText) return oldText === '' ? [] : [{ kind: 'same', text: oldText }];
  if (oldText === '' || newText === '') return [{ kind: 'change', del: oldText, ins: newText }];
  const changes = diffWordsWithSpace(oldText, newText, { maxEditLength: MAX_WORD_EDITS });
  if (!changes) return [{ kind: 'change', del: oldText, ins: newText }];
  const items: Item[] = [];
  for (const change of changes) {
    const last = items[items.length - 1];
    if (change.added || change.removed) {
      const target = last?.kind === 'change' ? last : { kind: 'change' as const, del: '', ins: '' };
      if (target !== last) items.push(target);
      if (change.removed) target.del += change.value;
      else target.ins += change.value;
    } else items.push({ kind: 'same', text: change.value });
  }
  return absorbSmallEqualities(items);
}

/**
 * Readability: when two replacements are separated only by a space, punctuation, or a single
 * word that both versions happen to share, show one larger replacement instead (for spaces and
 * punctuation it is enough that one of the two neighbouring changes is a replacement).
 * "~~De~~ __Het__ ~~opdrachtnemer~~ __college__" becomes "~~De opdrachtnemer~~ __Het college__",
 * and a rewritten sentence does not turn into a comb of one-word changes around every "de".
 * A single shared word is only absorbed between changes of at least two words, so a plain
 * one-word replacement next to another stays precise. Line breaks are never absorbed.
 */
function absorbSmallEqualities(items: Item[]): Item[] {
  const isReplacement = (item: Item | undefined): item is { kind: 'change'; del: string; ins: string } =>
    item?.kind === 'change' && item.del !== '' && item.ins !== '';
  const size = (item: { del: string; ins: string }) => Math.max(countWords(item.del), countWords(item.ins));
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 1; i + 1 < items.length; i++) {
      const left = items[i - 1];
      const middle = items[i]!;
      const right = items[i + 1];
      if (middle.kind !== 'same' || middle.text.includes('\n')) continue;
      if (left?.kind !== 'change' || right?.kind !== 'change') continue;
      const words = countWords(middle.text);
      if (words === 0) {
        // Only spaces or punctuation in between: join when at least one side is a replacement.
        if (!isReplacement(left) && !isReplacement(right)) continue;
      } else if (words > 1 || !isReplacement(left) || !isReplacement(right) || size(left) < 2 || size(right) < 2) {
        continue;
      }
      items.splice(i - 1, 3, {
        kind: 'change',
        del: left.del + middle.text + right.del,
        ins: left.ins + middle.text + right.ins,
      });
      changed = true;
      i--;
    }
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// Moves within the word comparison

/**
 * The words of a run of text, and where a move may start or end: at the run's edges, after a
 * sentence end, at a line break, and next to a piece of bare punctuation (", binnen 30 dagen"
 * may lose its comma and still be the same passage as "binnen 30 dagen").
 */
interface Run {
  item: { kind: 'change'; del: string; ins: string };
  text: string;
  words: { text: string; start: number; counts: boolean }[];
  /** cut[k]: a moved passage may start before word k / end after word k-1. */
  cut: boolean[];
  /** used[k]: word k is already part of a move. */
  used: boolean[];
  /** Moved ranges found in this run, as word indices [from, to). */
  ranges: { from: number; to: number; key: number }[];
}

function runOf(item: { kind: 'change'; del: string; ins: string }, text: string): Run {
  const words = [...text.matchAll(/\S+/g)].map((m) => ({
    text: m[0],
    start: m.index,
    counts: /[\p{L}\p{N}]/u.test(m[0]),
  }));
  const cut = words.map((w, k) => {
    if (k === 0) return true;
    const previous = words[k - 1]!;
    return (
      sentenceEnd.test(previous.text) ||
      !previous.counts ||
      !w.counts ||
      text.slice(previous.start + previous.text.length, w.start).includes('\n')
    );
  });
  cut.push(true);
  return { item, text, words, cut, used: words.map(() => false), ranges: [] };
}

/**
 * A deleted run and an inserted run (of different changes) with the same text, at least
 * {@link MIN_MOVE_WORDS} words, are a move. If a run holds more than the moved text, the move is
 * looked for at sentence boundaries within the run, so a moved sentence that the word diff
 * merged with a neighbouring change is still found.
 */
function wordLevelMoves(items: Item[], moves: MoveKeys): Item[] {
  const changes = items.filter((i): i is { kind: 'change'; del: string; ins: string } => i.kind === 'change');
  const deletedRuns = changes.filter((c) => countWords(c.del) >= MIN_MOVE_WORDS).map((c) => runOf(c, c.del));
  const insertedRuns = changes.filter((c) => countWords(c.ins) >= MIN_MOVE_WORDS).map((c) => runOf(c, c.ins));
  if (deletedRuns.length === 0 || insertedRuns.length === 0) return items;

  // Where a passage may start in an inserted run, by its first word: word → [run, index].
  const insertedAt = new Map<string, [Run, number][]>();
  for (const s of insertedRuns) {
    s.words.forEach((w, sf) => {
      if (!s.cut[sf]) return;
      const list = insertedAt.get(w.text);
      if (list) list.push([s, sf]);
      else insertedAt.set(w.text, [[s, sf]]);
    });
  }

  for (;;) {
    let best: { d: Run; df: number; s: Run; sf: number; length: number; words: number } | undefined;
    for (const d of deletedRuns) {
      for (let df = 0; df < d.words.length; df++) {
        if (!d.cut[df] || d.used[df]) continue;
        for (const [s, sf] of insertedAt.get(d.words[df]!.text) ?? []) {
          if (d.item === s.item || s.used[sf]) continue; // same place: a whitespace change, not a move
          let length = 0;
          let words = 0;
          for (;;) {
            const a = d.words[df + length];
            const b = s.words[sf + length];
            if (!a || !b || a.text !== b.text || d.used[df + length] || s.used[sf + length]) break;
            if (a.counts) words++;
            length++;
            if (d.cut[df + length] && s.cut[sf + length] && words >= MIN_MOVE_WORDS && (!best || words > best.words)) {
              best = { d, df, s, sf, length, words };
            }
          }
        }
      }
    }
    if (!best) break;
    const key = moves.take();
    for (let k = 0; k < best.length; k++) {
      best.d.used[best.df + k] = true;
      best.s.used[best.sf + k] = true;
    }
    best.d.ranges.push({ from: best.df, to: best.df + best.length, key });
    best.s.ranges.push({ from: best.sf, to: best.sf + best.length, key });
  }

  const byItem = new Map<Item, { del?: Run; ins?: Run }>();
  for (const run of deletedRuns) if (run.ranges.length) byItem.set(run.item, { ...byItem.get(run.item), del: run });
  for (const run of insertedRuns) if (run.ranges.length) byItem.set(run.item, { ...byItem.get(run.item), ins: run });
  if (byItem.size === 0) return items;
  return items.flatMap((item) => {
    const runs = byItem.get(item);
    if (!runs || item.kind !== 'change') return [item];
    return splitChange(item, runs.del, runs.ins);
  });
}

type Piece = { kind: 'deleted' | 'inserted' | 'moved-from' | 'moved-to'; text: string; key?: number };

/** Cuts one side of a change into its moved and not-moved pieces, in order. */
function piecesOf(text: string, run: Run | undefined, plain: 'deleted' | 'inserted'): Piece[] {
  if (text === '') return [];
  if (!run || run.ranges.length === 0) return [{ kind: plain, text }];
  const moved = plain === 'deleted' ? 'moved-from' : 'moved-to';
  // Character offset where a cut before word k falls: the start of word k, the run's edges at the ends.
  const offset = (k: number) => (k === 0 ? 0 : k >= run.words.length ? text.length : run.words[k]!.start);
  const pieces: Piece[] = [];
  let at = 0;
  for (const range of [...run.ranges].sort((a, b) => a.from - b.from)) {
    const from = offset(range.from);
    const to = offset(range.to);
    if (from > at) pieces.push({ kind: plain, text: text.slice(at, from) });
    pieces.push({ kind: moved, text: text.slice(from, to), key: range.key });
    at = to;
  }
  if (at < text.length) pieces.push({ kind: plain, text: text.slice(at) });
  return pieces;
}

/**
 * Splits a change with moved passages in it. Each side keeps its order (so both texts can still
 * be rebuilt); moved pieces at the start of either side come first and those at the end come last,
 * so that what is really deleted and inserted here stays together.
 */
function splitChange(item: { del: string; ins: string }, del: Run | undefined, ins: Run | undefined): Item[] {
  const oldPieces = piecesOf(item.del, del, 'deleted');
  const newPieces = piecesOf(item.ins, ins, 'inserted');
  const isMoved = (p: Piece) => p.kind === 'moved-from' || p.kind === 'moved-to';
  const lead = (pieces: Piece[]) => {
    let k = 0;
    while (k < pieces.length && isMoved(pieces[k]!)) k++;
    return pieces.splice(0, k);
  };
  const trail = (pieces: Piece[]) => {
    let k = pieces.length;
    while (k > 0 && isMoved(pieces[k - 1]!)) k--;
    return pieces.splice(k);
  };
  const ordered = [
    ...lead(oldPieces),
    ...lead(newPieces),
    ...(() => {
      const oldTail = trail(oldPieces);
      const newTail = trail(newPieces);
      return [...oldPieces, ...newPieces, ...oldTail, ...newTail];
    })(),
  ];
  return ordered.map((p): Item => {
    if (p.kind === 'moved-from' || p.kind === 'moved-to') return { kind: p.kind, text: p.text, key: p.key! };
    return p.kind === 'deleted' ? { kind: 'change', del: p.text, ins: '' } : { kind: 'change', del: '', ins: p.text };
  });
}

// ---------------------------------------------------------------------------------------------
// Output

/**
 * Turns the items into segments: drops empty text, joins neighbours of the same kind, lets
 * moved passages take along the whitespace that was only deleted or inserted next to them (the
 * line break before a paragraph moved to the end), and numbers the moves in reading order.
 */
function finish(items: Item[]): CompareSegment[] {
  const raw: { kind: CompareKind; text: string; key?: number }[] = [];
  for (const item of items) {
    if (item.kind === 'change') {
      raw.push({ kind: 'deleted', text: item.del }, { kind: 'inserted', text: item.ins });
    } else if (item.kind === 'same') raw.push({ kind: 'same', text: item.text });
    else raw.push({ kind: item.kind, text: item.text, key: item.key });
  }
  let segments = join(raw.filter((s) => s.text !== ''));

  const sideOfMove = { deleted: 'moved-from', inserted: 'moved-to' } as const;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if ((s.kind !== 'deleted' && s.kind !== 'inserted') || s.text.trim() !== '') continue;
    const moved = sideOfMove[s.kind];
    const next = segments[i + 1];
    const previous = segments[i - 1];
    if (next?.kind === moved) next.text = s.text + next.text;
    else if (previous?.kind === moved) previous.text += s.text;
    else continue;
    segments.splice(i, 1);
    i--;
  }
  segments = join(segments);

  const ids = new Map<number, number>();
  return segments.map(({ kind, text, key }) => {
    if (key === undefined) return { kind, text };
    if (!ids.has(key)) ids.set(key, ids.size + 1);
    return { kind, text, moveId: ids.get(key)! };
  });
}

function join<T extends { kind: CompareKind; text: string; key?: number }>(segments: T[]): T[] {
  const out: T[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && last.kind === s.kind && last.key === s.key) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}
