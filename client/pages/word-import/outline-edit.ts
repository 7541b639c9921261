import { blocksText, type ContentBlock, type OutlineChapter } from '../../../shared/schemas/word-import';

/*
 * The procurement team's edits of a Word-import preview, done in the browser: merging and
 * splitting only regroup the file's parts, in their order, so any outline made here passes the
 * server's check (outlineProblems in shared/schemas/word-import.ts).
 */

export interface EditClause {
  key: string;
  title: string;
  blocks: number[];
}
export interface EditChapter {
  key: string;
  title: string;
  clauses: EditClause[];
}

let counter = 0;
const nextKey = () => `k${++counter}`;

export function editableOutline(chapters: OutlineChapter[]): EditChapter[] {
  return chapters.map((c) => ({ key: nextKey(), title: c.title, clauses: c.clauses.map((k) => ({ key: nextKey(), title: k.title, blocks: [...k.blocks] })) }));
}

export function outlineToSend(chapters: EditChapter[]): OutlineChapter[] {
  return chapters.map((c) => ({ title: c.title, clauses: c.clauses.map((k) => ({ title: k.title, blocks: k.blocks })) }));
}

/** A title from the first words of a part, as the server makes them. */
function titleOf(block: ContentBlock | undefined, fallback: string): string {
  const text = block ? blocksText([block]).replace(/\s+/g, ' ').trim() : '';
  if (!text) return fallback;
  return text.length <= 80 ? text : `${text.slice(0, 79).replace(/\s+\S*$/, '')}…`;
}

/** The clause joins the next clause of its chapter; the first one's title stays. */
export function mergeClause(chapters: EditChapter[], chapterIndex: number, clauseIndex: number): EditChapter[] {
  return chapters.map((chapter, c) => {
    if (c !== chapterIndex) return chapter;
    const clauses = [...chapter.clauses];
    const [first, second] = [clauses[clauseIndex], clauses[clauseIndex + 1]];
    if (!first || !second) return chapter;
    clauses.splice(clauseIndex, 2, { ...first, blocks: [...first.blocks, ...second.blocks] });
    return { ...chapter, clauses };
  });
}

/** The clause's parts from `at` on become a new clause right after it. */
export function splitClause(chapters: EditChapter[], chapterIndex: number, clauseIndex: number, at: number, blocks: ContentBlock[]): { chapters: EditChapter[]; created: EditClause | null } {
  let created: EditClause | null = null;
  const next = chapters.map((chapter, c) => {
    if (c !== chapterIndex) return chapter;
    const clause = chapter.clauses[clauseIndex];
    if (!clause || at <= 0 || at >= clause.blocks.length) return chapter;
    const rest = clause.blocks.slice(at);
    created = { key: nextKey(), title: titleOf(blocks[rest[0]!], clause.title), blocks: rest };
    const clauses = [...chapter.clauses];
    clauses.splice(clauseIndex, 1, { ...clause, blocks: clause.blocks.slice(0, at) }, created);
    return { ...chapter, clauses };
  });
  return { chapters: next, created };
}

/** The chapter's clauses join the next chapter's at its end; the first chapter's title stays. */
export function mergeChapter(chapters: EditChapter[], chapterIndex: number): EditChapter[] {
  const [first, second] = [chapters[chapterIndex], chapters[chapterIndex + 1]];
  if (!first || !second) return chapters;
  const next = [...chapters];
  next.splice(chapterIndex, 2, { ...first, clauses: [...first.clauses, ...second.clauses] });
  return next;
}

/** The clauses from `clauseIndex` on become a new chapter, titled with that clause's title. */
export function splitChapter(chapters: EditChapter[], chapterIndex: number, clauseIndex: number): { chapters: EditChapter[]; created: EditChapter | null } {
  const chapter = chapters[chapterIndex];
  if (!chapter || clauseIndex <= 0 || clauseIndex >= chapter.clauses.length) return { chapters, created: null };
  const created: EditChapter = { key: nextKey(), title: chapter.clauses[clauseIndex]!.title, clauses: chapter.clauses.slice(clauseIndex) };
  const next = [...chapters];
  next.splice(chapterIndex, 1, { ...chapter, clauses: chapter.clauses.slice(0, clauseIndex) }, created);
  return { chapters: next, created };
}
