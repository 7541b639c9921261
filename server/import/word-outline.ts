import mammoth from 'mammoth';
import { parseDocument } from 'htmlparser2';
import { Element, Text, type ChildNode } from 'domhandler';
import { blocksText, wordImportMaxChapters, wordImportMaxClauses, type ContentBlock, type InlineText, type OutlineChapter, type TableCellBlock } from '../../shared/schemas/word-import';
import { wordFileRefusal } from './word-file';

/*
 * From a Word document to the agreement's outline, through mammoth's HTML: mammoth reads the
 * document's styles and numbering and writes plain semantic HTML (h1–h6, p, ol/ul/li, table,
 * strong/em), which this module maps onto the agreement and the clause editor's content model:
 *
 * - Heading 1 starts a chapter; Heading 2 starts a clause (an article) with the heading as title;
 * - a numbered list directly in a chapter (not inside an article) is a list of clauses: each item
 *   one clause, titled with its first words;
 * - everything else (paragraphs, bullet lists, lists inside an article, tables, Heading 3–6) is
 *   text of the clause it follows; bold, italic, underline and strike-through are kept.
 */

export interface ParsedOutline {
  chapters: OutlineChapter[];
  blocks: ContentBlock[];
  skipped: { images: number };
}

/** Word's built-in heading styles by the names Word stores, also in a Dutch Word ("Kop 1"). */
const headingStyles = [1, 2, 3, 4, 5, 6].flatMap((level) =>
  [`heading ${level}`, `Heading ${level}`, `Kop ${level}`].map((name) => `p[style-name='${name}'] => h${level}:fresh`),
);
const styleMap = [...headingStyles, 'u => u', 'strike => s'];

/** Nesting deeper than this (lists in tables in lists…) is kept as plain paragraphs. */
const maxDepth = 12;
const maxBlocks = 20_000;
const titleLength = 80;

export async function wordOutline(file: Uint8Array, fallbackTitles: { chapter: string }): Promise<ParsedOutline> {
  let images = 0;
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(file.buffer, file.byteOffset, file.byteLength) },
      {
        styleMap,
        includeEmbeddedStyleMap: false,
        externalFileAccess: false,
        // Images are not part of a clause's text: counted, never read.
        convertImage: mammoth.images.imgElement(async () => {
          images++;
          return { src: '' };
        }),
      },
    );
    html = result.value;
  } catch {
    throw wordFileRefusal('damaged');
  }
  const builder = new OutlineBuilder(fallbackTitles.chapter);
  for (const node of parseDocument(html).children) builder.add(node);
  const { chapters, blocks } = builder.finish();
  if (blocks.length === 0 && chapters.every((c) => c.clauses.length === 0)) throw wordFileRefusal('empty');
  const clauses = chapters.reduce((n, c) => n + c.clauses.length, 0);
  if (blocks.length > maxBlocks || chapters.length > wordImportMaxChapters || clauses > wordImportMaxClauses) throw wordFileRefusal('too_long');
  return { chapters, blocks, skipped: { images } };
}

interface DraftClause {
  title: string;
  blocks: ContentBlock[];
  /** An article (Heading 2) keeps a numbered list as its text; after anything else a list makes clauses. */
  article: boolean;
}

class OutlineBuilder {
  private readonly chapters: Array<{ title: string; clauses: DraftClause[] }> = [];

  constructor(private readonly fallbackChapterTitle: string) {}

  add(node: ChildNode): void {
    if (!(node instanceof Element)) {
      if (node instanceof Text && node.data.trim()) this.addBlocks([{ type: 'paragraph', content: [{ text: node.data.trim() }] }]);
      return;
    }
    const name = node.name;
    if (name === 'h1') {
      this.chapters.push({ title: titleFrom(textOf(node)) || this.fallbackChapterTitle, clauses: [] });
    } else if (name === 'h2') {
      const title = titleFrom(textOf(node));
      if (!title) return;
      this.chapter().clauses.push({ title, blocks: [], article: true });
    } else if (name === 'ol' && !this.current()?.article && !isNotesList(node)) {
      for (const item of node.children) {
        if (!(item instanceof Element) || item.name !== 'li') continue;
        const blocks = itemBlocks(item, 1);
        this.chapter().clauses.push({ title: titleFrom(blocksText(blocks)) || this.chapter().title, blocks, article: false });
      }
    } else {
      this.addBlocks(toBlocks(node, 0));
    }
  }

  finish(): { chapters: OutlineChapter[]; blocks: ContentBlock[] } {
    const blocks: ContentBlock[] = [];
    const chapters = this.chapters.map((chapter) => ({
      title: chapter.title,
      clauses: chapter.clauses.map((clause) => ({
        title: clause.title,
        blocks: clause.blocks.map((block) => blocks.push(block) - 1),
      })),
    }));
    return { chapters, blocks };
  }

  private chapter() {
    if (this.chapters.length === 0) this.chapters.push({ title: this.fallbackChapterTitle, clauses: [] });
    return this.chapters[this.chapters.length - 1]!;
  }

  private current(): DraftClause | undefined {
    const clauses = this.chapters[this.chapters.length - 1]?.clauses;
    return clauses?.[clauses.length - 1];
  }

  /** Text before the first clause of a chapter becomes a clause of its own, titled with its first words. */
  private addBlocks(blocks: ContentBlock[]): void {
    if (blocks.length === 0) return;
    let clause = this.current();
    if (!clause) {
      const chapter = this.chapter();
      clause = { title: titleFrom(blocksText(blocks)) || chapter.title, blocks: [], article: false };
      chapter.clauses.push(clause);
    }
    clause.blocks.push(...blocks);
  }
}

/** Mammoth writes footnotes and endnotes as a numbered list at the end: they are text, not clauses. */
function isNotesList(list: Element): boolean {
  return list.children.some((c) => c instanceof Element && /^(footnote|endnote)-/.test(c.attribs.id ?? ''));
}

/** A title from the first sentence of a text, cut at a word when it is long. */
export function titleFrom(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const sentence = /^(.+?[.:;])(\s|$)/.exec(line)?.[1] ?? line;
  if (sentence.length <= titleLength) return sentence.replace(/[:;]$/, '');
  const cut = sentence.slice(0, titleLength - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > titleLength / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function textOf(node: ChildNode): string {
  if (node instanceof Text) return node.data;
  if (node instanceof Element) return node.name === 'br' ? '\n' : node.children.map(textOf).join('');
  return '';
}

const inlineNames = new Set(['strong', 'b', 'em', 'i', 'u', 's', 'del', 'strike', 'a', 'span', 'sup', 'sub', 'br', 'img', 'code']);
const isInline = (node: ChildNode) => node instanceof Text || (node instanceof Element && inlineNames.has(node.name));

/** The blocks of one HTML element: a paragraph, heading, list or table, or its children's. */
function toBlocks(node: Element, depth: number): ContentBlock[] {
  if (depth > maxDepth) {
    const text = textOf(node).trim();
    return text ? [{ type: 'paragraph', content: [{ text }] }] : [];
  }
  switch (node.name) {
    case 'p':
      return paragraph(node.children);
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6': {
      const content = inlineOf(node.children);
      if (content.length === 0) return [];
      // Inside a clause only the editor's two sub-heading levels exist; deeper ones become level 4.
      return [{ type: 'heading', level: node.name === 'h1' || node.name === 'h2' || node.name === 'h3' ? 3 : 4, content }];
    }
    case 'ol':
    case 'ul': {
      const items = node.children.filter((c): c is Element => c instanceof Element && c.name === 'li').map((li) => itemBlocks(li, depth + 1));
      return items.length ? [{ type: 'list', ordered: node.name === 'ol', items }] : [];
    }
    case 'table':
      return table(node, depth);
    default:
      return mixedBlocks(node.children, depth);
  }
}

/** Children that mix inline content and blocks (a list item, a cell, a div): runs of inline content become paragraphs. */
function mixedBlocks(children: ChildNode[], depth: number): ContentBlock[] {
  const blocks: ContentBlock[] = [];
  let run: ChildNode[] = [];
  const flush = () => {
    blocks.push(...paragraph(run));
    run = [];
  };
  for (const child of children) {
    if (isInline(child)) run.push(child);
    else if (child instanceof Element) {
      flush();
      blocks.push(...toBlocks(child, depth + 1));
    }
  }
  flush();
  return blocks;
}

/** A list item's blocks; the editor's list item starts with a paragraph. */
function itemBlocks(item: Element, depth: number): ContentBlock[] {
  const blocks = mixedBlocks(item.children, depth);
  if (blocks[0]?.type !== 'paragraph') blocks.unshift({ type: 'paragraph', content: [] });
  return blocks;
}

function paragraph(children: ChildNode[]): ContentBlock[] {
  const content = inlineOf(children);
  return content.length ? [{ type: 'paragraph', content }] : [];
}

function table(node: Element, depth: number): ContentBlock[] {
  const rows: TableCellBlock[][] = [];
  const visit = (el: Element) => {
    for (const child of el.children) {
      if (!(child instanceof Element)) continue;
      if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') visit(child);
      else if (child.name === 'tr') {
        const cells = child.children
          .filter((c): c is Element => c instanceof Element && (c.name === 'td' || c.name === 'th'))
          .map((c) => {
            const content = mixedBlocks(c.children, depth + 1);
            const cell: TableCellBlock = { header: c.name === 'th', content: content.length ? content : [{ type: 'paragraph', content: [] }] };
            const colspan = span(c.attribs.colspan);
            const rowspan = span(c.attribs.rowspan);
            if (colspan > 1) cell.colspan = colspan;
            if (rowspan > 1) cell.rowspan = rowspan;
            return cell;
          });
        if (cells.length) rows.push(cells);
      }
    }
  };
  visit(node);
  return rows.length ? [{ type: 'table', rows }] : [];
}

function span(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 1 && n <= 100 ? n : 1;
}

interface Marks {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
}

const markOf: Record<string, keyof Marks> = { strong: 'bold', b: 'bold', em: 'italic', i: 'italic', u: 'underline', s: 'strike', del: 'strike', strike: 'strike' };

/** Text runs with their marks; neighbours with the same marks are joined. Empty when there is no text. */
function inlineOf(children: ChildNode[]): InlineText[] {
  const out: InlineText[] = [];
  const walk = (node: ChildNode, marks: Marks) => {
    if (node instanceof Text) {
      if (node.data) push({ ...marks, text: node.data });
    } else if (node instanceof Element) {
      if (node.name === 'br') out.push({ text: '', lineBreak: true });
      else if (node.name !== 'img') {
        const mark = markOf[node.name];
        const inner = mark ? { ...marks, [mark]: true } : marks;
        for (const child of node.children) walk(child, inner);
      }
    }
  };
  const push = (run: InlineText) => {
    const last = out[out.length - 1];
    if (last && !last.lineBreak && sameMarks(last, run)) last.text += run.text;
    else out.push(run);
  };
  for (const child of children) walk(child, {});
  // Line breaks at the edges and whitespace-only paragraphs carry no text.
  while (out.length && out[out.length - 1]!.lineBreak) out.pop();
  while (out.length && out[0]!.lineBreak) out.shift();
  return out.some((r) => r.text.trim()) ? out : [];
}

function sameMarks(a: Marks, b: Marks): boolean {
  return !!a.bold === !!b.bold && !!a.italic === !!b.italic && !!a.underline === !!b.underline && !!a.strike === !!b.strike;
}
