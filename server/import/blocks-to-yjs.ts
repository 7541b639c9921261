import * as Y from 'yjs';
import type { ContentBlock, InlineText, TableCellBlock } from '../../shared/schemas/word-import';

/*
 * Content blocks as the clause editor stores them: ProseMirror nodes in a Y.XmlFragment, the way
 * @tiptap/y-tiptap writes them (node names of StarterKit and TableKit, marks as formatting
 * attributes of Y.XmlText with the mark's attributes as value). Attributes left out take the
 * editor's defaults.
 */

export function blocksToYjs(blocks: ContentBlock[]): Y.XmlElement[] {
  return blocks.map(blockElement);
}

function blockElement(block: ContentBlock): Y.XmlElement {
  switch (block.type) {
    case 'paragraph':
      return withInline(new Y.XmlElement('paragraph'), block.content);
    case 'heading': {
      const heading = new Y.XmlElement('heading');
      heading.setAttribute('level', block.level as unknown as string);
      return withInline(heading, block.content);
    }
    case 'list': {
      const list = new Y.XmlElement(block.ordered ? 'orderedList' : 'bulletList');
      list.insert(
        0,
        block.items.map((item) => {
          const listItem = new Y.XmlElement('listItem');
          listItem.insert(0, item.map(blockElement));
          return listItem;
        }),
      );
      return list;
    }
    case 'table': {
      const table = new Y.XmlElement('table');
      table.insert(
        0,
        block.rows.map((cells) => {
          const row = new Y.XmlElement('tableRow');
          row.insert(0, cells.map(cellElement));
          return row;
        }),
      );
      return table;
    }
  }
}

function cellElement(cell: TableCellBlock): Y.XmlElement {
  const element = new Y.XmlElement(cell.header ? 'tableHeader' : 'tableCell');
  // y-tiptap stores node attributes as they are (numbers stay numbers); Yjs types them as strings.
  if (cell.colspan) element.setAttribute('colspan', cell.colspan as unknown as string);
  if (cell.rowspan) element.setAttribute('rowspan', cell.rowspan as unknown as string);
  element.insert(0, cell.content.map(blockElement));
  return element;
}

/** Text with its marks, and hard breaks between runs where the document had line breaks. */
function withInline(element: Y.XmlElement, runs: InlineText[]): Y.XmlElement {
  const children: Array<Y.XmlText | Y.XmlElement> = [];
  let delta: Array<{ insert: string; attributes?: Record<string, object> }> = [];
  const closeText = () => {
    if (delta.length === 0) return;
    const text = new Y.XmlText();
    // On a type not yet in a document Yjs keeps the delta and applies it when the type is inserted.
    text.applyDelta(delta);
    children.push(text);
    delta = [];
  };
  for (const run of runs) {
    if (run.lineBreak) {
      closeText();
      children.push(new Y.XmlElement('hardBreak'));
    } else if (run.text) {
      const marks = marksOf(run);
      delta.push(marks ? { insert: run.text, attributes: marks } : { insert: run.text });
    }
  }
  closeText();
  if (children.length) element.insert(0, children);
  return element;
}

function marksOf(run: InlineText): Record<string, object> | null {
  const marks: Record<string, object> = {};
  if (run.bold) marks.bold = {};
  if (run.italic) marks.italic = {};
  if (run.underline) marks.underline = {};
  if (run.strike) marks.strike = {};
  return Object.keys(marks).length ? marks : null;
}
