import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { outlineProblems, type ContentBlock, type OutlineChapter } from '../../shared/schemas/word-import';
import { blocksToYjs } from '../../server/import/blocks-to-yjs';
import { titleFrom } from '../../server/import/word-outline';
import { editableOutline, mergeChapter, mergeClause, outlineToSend, splitChapter, splitClause } from '../../client/pages/word-import/outline-edit';

const paragraph = (text: string): ContentBlock => ({ type: 'paragraph', content: [{ text }] });
const blocks = ['a', 'b', 'c', 'd', 'e'].map(paragraph);
const parsed: OutlineChapter[] = [
  { title: 'Een', clauses: [{ title: 'A', blocks: [0, 1] }, { title: 'C', blocks: [2] }] },
  { title: 'Twee', clauses: [{ title: 'D', blocks: [3] }, { title: 'Leeg', blocks: [] }, { title: 'E', blocks: [4] }] },
];

describe('the outline of a Word import', () => {
  it('holds every block once, in order; anything else is refused', () => {
    expect(outlineProblems(parsed, 5)).toBeNull();
    expect(outlineProblems(parsed, 6)).not.toBeNull();
    expect(outlineProblems([{ title: 'Een', clauses: [{ title: 'A', blocks: [1, 0] }] }], 2)).not.toBeNull();
    expect(outlineProblems([{ title: 'Een', clauses: [{ title: 'A', blocks: [0, 0, 1] }] }], 2)).not.toBeNull();
    expect(outlineProblems([{ title: 'Een', clauses: [{ title: 'A', blocks: [0] }] }], 2)).not.toBeNull();
  });

  it('stays valid through every merge and split the preview page offers', () => {
    let chapters = editableOutline(parsed);
    chapters = mergeClause(chapters, 0, 0);
    expect(chapters[0]!.clauses.map((c) => [c.title, c.blocks])).toEqual([['A', [0, 1, 2]]]);
    const split = splitClause(chapters, 0, 0, 1, blocks);
    expect(split.created).toMatchObject({ title: 'b', blocks: [1, 2] });
    chapters = mergeChapter(split.chapters, 0);
    expect(chapters.map((c) => c.title)).toEqual(['Een']);
    const newChapter = splitChapter(chapters, 0, 2);
    expect(newChapter.chapters.map((c) => [c.title, c.clauses.length])).toEqual([['Een', 2], ['D', 3]]);
    expect(outlineProblems(outlineToSend(newChapter.chapters), 5)).toBeNull();
    // Nothing to merge with or split off: unchanged.
    expect(mergeClause(chapters, 0, 9)).toEqual(chapters);
    expect(splitClause(chapters, 0, 0, 0, blocks).created).toBeNull();
    expect(splitChapter(chapters, 0, 0).created).toBeNull();
  });

  it('titles a numbered clause with its first sentence, cut at a word', () => {
    expect(titleFrom('De aanbieder levert zorg. Daarna nog meer.')).toBe('De aanbieder levert zorg.');
    expect(titleFrom('Begrippen: in deze overeenkomst')).toBe('Begrippen');
    const long = titleFrom('woord '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('woord…')).toBe(true);
    expect(titleFrom('   ')).toBe('');
  });

  it('writes blocks as the editor stores them: marks as text attributes, line breaks as hardBreak', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('default');
    fragment.insert(0, blocksToYjs([
      { type: 'paragraph', content: [{ text: 'vet', bold: true }, { text: '', lineBreak: true }, { text: 'schuin', italic: true, underline: true }] },
      { type: 'heading', level: 3, content: [{ text: 'Kop' }] },
      { type: 'table', rows: [[{ header: true, colspan: 2, content: [paragraph('x')] }]] },
    ]));
    const [p, heading, table] = fragment.toArray() as Y.XmlElement[];
    expect(p!.toArray().map((n) => (n instanceof Y.XmlText ? n.toDelta() : (n as Y.XmlElement).nodeName))).toEqual([[{ insert: 'vet', attributes: { bold: {} } }], 'hardBreak', [{ insert: 'schuin', attributes: { italic: {}, underline: {} } }]]);
    expect(heading!.getAttribute('level')).toBe(3);
    const cell = (table!.get(0) as Y.XmlElement).get(0) as Y.XmlElement;
    expect([cell.nodeName, cell.getAttribute('colspan')]).toEqual(['tableHeader', 2]);
  });
});
