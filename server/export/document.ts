import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/**
 * A document (a title, an optional table of contents, then sections of paragraphs and tables
 * under headings of two levels) written to DOCX, the format municipalities work in, and to PDF.
 * One model for both, so the two never differ.
 */
export interface ExportParagraph {
  label?: string;
  text: string;
  /** `mark`: set apart (a municipality variant); `small`: fine print. */
  style?: 'normal' | 'mark' | 'small';
}

export interface ExportTable {
  columns: string[];
  rows: string[][];
}

export interface ExportSection {
  /** The heading as shown, with its number if it has one ("Artikel 3 Looptijd"). */
  heading: string;
  /** 1: a chapter or part; 2 (default): a section within it. */
  level?: 1 | 2;
  /** Starts on a new page (e.g. an annex). */
  pageBreakBefore?: boolean;
  paragraphs: ExportParagraph[];
  table?: ExportTable;
}

export interface ExportDocument {
  title: string;
  subtitle?: string;
  /** When given, a table of contents with this title follows the title. */
  contents?: string;
  sections: ExportSection[];
  footer?: string;
}

const levelOf = (s: ExportSection) => s.level ?? 2;

function docxParagraph(p: ExportParagraph): Paragraph {
  const size = p.style === 'small' ? 16 : undefined;
  const runs = [...(p.label ? [new TextRun({ text: `${p.label} `, bold: true, size })] : []), new TextRun({ text: p.text, size, italics: p.style === 'mark' })];
  return p.style === 'mark'
    ? new Paragraph({ children: runs, indent: { left: 360 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: '9C1D3F', space: 8 } } })
    : new Paragraph({ children: runs });
}

function docxTable(table: ExportTable): Table {
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: table.columns.map((c) => cell(c, true)) }), ...table.rows.map((row) => new TableRow({ children: row.map((v) => cell(v)) }))],
  });
}

export async function toDocx(doc: ExportDocument): Promise<Buffer> {
  const children: Array<Paragraph | Table | TableOfContents> = [new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE })];
  if (doc.subtitle) children.push(new Paragraph({ children: [new TextRun({ text: doc.subtitle, italics: true })] }));
  if (doc.contents) {
    children.push(new Paragraph({ text: doc.contents, heading: HeadingLevel.HEADING_1, pageBreakBefore: true }));
    // A real TOC field, which Word fills with page numbers when the document is opened; written with
    // every heading and its number already in it, so any reader that does not update fields shows them too.
    children.push(
      new TableOfContents(doc.contents, {
        hyperlink: true,
        headingStyleRange: '1-2',
        cachedEntries: doc.sections.map((s) => ({ title: s.heading, level: levelOf(s) })),
      }),
    );
    children.push(new Paragraph({ children: [new PageBreak()] }));
  }
  for (const section of doc.sections) {
    children.push(
      new Paragraph({ text: section.heading, heading: levelOf(section) === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, pageBreakBefore: section.pageBreakBefore ?? false }),
    );
    for (const p of section.paragraphs) children.push(docxParagraph(p));
    if (section.table) children.push(docxTable(section.table));
  }
  if (doc.footer) children.push(new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: doc.footer, size: 16 })] }));
  const document = new Document({ creator: 'Dialoogtafel', title: doc.title, features: { updateFields: Boolean(doc.contents) }, sections: [{ children }] });
  return Packer.toBuffer(document);
}

// The PDF renderer (tagged PDF/UA, embedded font, Dutch) lives in its own module.
export { toPdf } from './pdf';
