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
import PDFDocument from 'pdfkit';

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

const margin = 56;
const contentsLineHeight = 18;

export function toPdf(doc: ExportDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Pages are kept in memory so the contents page can be written once the page numbers are known.
    const pdf = new PDFDocument({ size: 'A4', margin, bufferPages: true, info: { Title: doc.title, Creator: 'Dialoogtafel' } });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.font('Helvetica-Bold').fontSize(20).text(doc.title);
    if (doc.subtitle) pdf.moveDown(0.3).font('Helvetica-Oblique').fontSize(11).text(doc.subtitle);

    // Reserve the contents pages: one line per heading.
    const contentsPages: number[] = [];
    if (doc.contents) {
      const perPage = Math.floor((pdf.page.height - 2 * margin - 40) / contentsLineHeight);
      const needed = Math.max(1, Math.ceil(doc.sections.length / perPage));
      for (let i = 0; i < needed; i++) {
        pdf.addPage();
        contentsPages.push(pdf.bufferedPageRange().start + pdf.bufferedPageRange().count - 1);
      }
      pdf.addPage();
    }

    const headingPages: number[] = [];
    for (const section of doc.sections) {
      if (section.pageBreakBefore) pdf.addPage();
      const level = levelOf(section);
      pdf.moveDown(level === 1 ? 1.2 : 0.8).font('Helvetica-Bold').fontSize(level === 1 ? 15 : 12.5);
      // The heading's page is where its first line lands (a heading at a page's foot moves on).
      if (pdf.y + 60 > pdf.page.height - margin) pdf.addPage();
      headingPages.push(pdf.bufferedPageRange().start + pdf.bufferedPageRange().count - 1);
      pdf.text(section.heading);
      for (const p of section.paragraphs) {
        pdf.moveDown(0.4).fontSize(p.style === 'small' ? 8 : 11);
        const options = p.style === 'mark' ? { indent: 14 } : {};
        if (p.label) pdf.font('Helvetica-Bold').text(`${p.label} `, { ...options, continued: true });
        pdf.font(p.style === 'mark' ? 'Helvetica-Oblique' : 'Helvetica').text(p.text, options);
      }
      if (section.table) {
        // One block per row: the first cell as its heading, the other cells labelled with their column.
        const columns = section.table.columns;
        for (const row of section.table.rows) {
          pdf.moveDown(0.4).fontSize(10).font('Helvetica-Bold').text(row[0] ?? '');
          row.slice(1).forEach((value, i) => pdf.font('Helvetica-Bold').text(`${columns[i + 1] ?? ''}: `, { indent: 14, continued: true }).font('Helvetica').text(value || '—'));
        }
      }
    }
    if (doc.footer) pdf.moveDown(1.5).font('Helvetica').fontSize(8).text(doc.footer);

    if (doc.contents) {
      let page = 0;
      pdf.switchToPage(contentsPages[0]!);
      pdf.font('Helvetica-Bold').fontSize(15).text(doc.contents, margin, margin);
      let y = margin + 40;
      doc.sections.forEach((section, i) => {
        if (y + contentsLineHeight > pdf.page.height - margin) {
          pdf.switchToPage(contentsPages[++page]!);
          y = margin;
        }
        const indent = levelOf(section) === 1 ? 0 : 16;
        const number = String(headingPages[i]! + 1);
        const width = pdf.page.width - 2 * margin;
        pdf.font(levelOf(section) === 1 ? 'Helvetica-Bold' : 'Helvetica').fontSize(10.5);
        pdf.text(section.heading, margin + indent, y, { width: width - indent - 40, lineBreak: false, ellipsis: true });
        pdf.text(number, margin, y, { width, align: 'right', lineBreak: false });
        y += contentsLineHeight;
      });
    }
    // Page numbers, written in the bottom margin (which pdfkit would otherwise treat as overflow).
    const range = pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      pdf.switchToPage(i);
      const bottom = pdf.page.margins.bottom;
      pdf.page.margins.bottom = 0;
      pdf.font('Helvetica').fontSize(8).text(`${i + 1} / ${range.count}`, margin, pdf.page.height - margin / 2, { width: pdf.page.width - 2 * margin, align: 'center', lineBreak: false });
      pdf.page.margins.bottom = bottom;
    }
    pdf.end();
  });
}
