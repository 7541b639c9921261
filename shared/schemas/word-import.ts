import { z } from 'zod';
import { id, title } from './common';

/*
 * Importing a Word draft of the agreement (issue 18, part 1). The server turns the file into a
 * preview: an outline of chapters and clauses whose text is a list of content blocks, kept
 * server-side by `previewId` for a short while. The procurement team may merge and split items
 * (and rename them) in the browser; confirming sends only the outline back, with each clause
 * naming the preview's blocks it holds by their index. So the text that is created is always
 * the file's text, which the SHA-256 in the audit event describes.
 */

/** The file types the upload accepts as its request body (the browser sends the file as is). */
export const wordDocumentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** How long a preview waits for its confirmation. */
export const wordImportPreviewMinutes = 30;

/** Most chapters and clauses one import may create; a longer document is refused. */
export const wordImportMaxChapters = 200;
export const wordImportMaxClauses = 2000;

// ---------- content blocks: the editor's content model, as JSON ----------

export interface InlineText {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  /** A line break inside the paragraph (Shift+Enter in Word), instead of text. */
  lineBreak?: boolean;
}

export interface TableCellBlock {
  header: boolean;
  colspan?: number;
  rowspan?: number;
  content: ContentBlock[];
}

/** The blocks the clause editor knows: paragraphs, sub-headings (level 3 and 4), lists and tables. */
export type ContentBlock =
  | { type: 'paragraph'; content: InlineText[] }
  | { type: 'heading'; level: 3 | 4; content: InlineText[] }
  | { type: 'list'; ordered: boolean; items: ContentBlock[][] }
  | { type: 'table'; rows: TableCellBlock[][] };

const inlineText: z.ZodType<InlineText> = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
  strike: z.boolean().optional(),
  lineBreak: z.boolean().optional(),
});

const contentBlock: z.ZodType<ContentBlock> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('paragraph'), content: z.array(inlineText) }),
    z.object({ type: z.literal('heading'), level: z.union([z.literal(3), z.literal(4)]), content: z.array(inlineText) }),
    z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.array(contentBlock)) }),
    z.object({
      type: z.literal('table'),
      rows: z.array(z.array(z.object({ header: z.boolean(), colspan: z.number().optional(), rowspan: z.number().optional(), content: z.array(contentBlock) }))),
    }),
  ]),
);

// ---------- the outline: what the preview shows and the confirmation sends back ----------

/** Indexes into the preview's blocks; an empty list is a clause with only a title. */
const blockIndexes = z.array(z.number().int().min(0).max(1_000_000)).max(20_000);

const outlineClause = z.object({ title, blocks: blockIndexes }).strict();
const outlineChapter = z
  .object({ title, clauses: z.array(outlineClause).max(wordImportMaxClauses) })
  .strict();
export type OutlineClause = z.infer<typeof outlineClause>;
export type OutlineChapter = z.infer<typeof outlineChapter>;

const wordImportOutline = z.array(outlineChapter).min(1, 'the import holds no chapter').max(wordImportMaxChapters);

/**
 * Rules every outline keeps, the parsed one and each one the team edited: the blocks, read in
 * order, are each of the preview's blocks once and in the document's order (merging and
 * splitting only regroup them), and there are not too many clauses.
 */
export function outlineProblems(chapters: OutlineChapter[], blockCount: number): string | null {
  let next = 0;
  let clauses = 0;
  for (const chapter of chapters) {
    for (const clause of chapter.clauses) {
      clauses++;
      for (const index of clause.blocks) {
        if (index !== next) return 'the clauses must hold every part of the document once, in its order';
        next++;
      }
    }
  }
  if (next !== blockCount) return 'the clauses must hold every part of the document once, in its order';
  if (clauses > wordImportMaxClauses) return `at most ${wordImportMaxClauses} clauses`;
  return null;
}

export const confirmWordImportRequest = z
  .object({
    previewId: id,
    chapters: wordImportOutline,
  })
  .strict();
export type ConfirmWordImportRequest = z.infer<typeof confirmWordImportRequest>;

/** Upload: the request body is the file itself; its name comes in a header, for the record. */
export const uploadWordImportRequest = z
  .object({
    file: z.instanceof(Uint8Array, { message: `send the file itself, as ${wordDocumentType}` }),
    fileName: z.string().trim().max(255, 'is too long').default(''),
  })
  .strict();

export const wordImportPreviewDto = z.object({
  previewId: z.string(),
  fileName: z.string(),
  /** SHA-256 of the file, hexadecimal. */
  sha256: z.string(),
  expiresAt: z.string(),
  chapters: z.array(outlineChapter),
  blocks: z.array(contentBlock),
  /** What the conversion left out: images, and how many of them. */
  skipped: z.object({ images: z.number() }),
});
export type WordImportPreviewDto = z.infer<typeof wordImportPreviewDto>;

export const wordImportResult = z.object({
  chapters: z.number(),
  clauses: z.number(),
  /** Ids of the chapters created, in order. */
  chapterIds: z.array(z.string()),
});
export type WordImportResult = z.infer<typeof wordImportResult>;

/** The plain text of blocks, for previews and titles. */
export function blocksText(blocks: ContentBlock[]): string {
  return blocks.map(blockText).join('\n');
}

function blockText(block: ContentBlock): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return block.content.map((c) => (c.lineBreak ? '\n' : c.text)).join('');
    case 'list':
      return block.items.map((item) => blocksText(item)).join('\n');
    case 'table':
      return block.rows.map((row) => row.map((cell) => blocksText(cell.content)).join(' | ')).join('\n');
  }
}
