import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { ExportDocument, ExportParagraph, ExportSection, ExportTable } from './document';

/**
 * The PDF form of an export: tagged PDF/UA-1 (PDF 1.7), so that screen readers and the
 * accessibility checks Dutch public bodies must pass can read it. That means:
 * - a structure tree in reading order (Document > H1…H3, P, TOC/TOCI, Table/TR/TH/TD) with every
 *   piece of text inside one element, and page numbers marked as artifacts;
 * - an embedded font (DejaVu Sans from the dejavu-fonts-ttf package; PDF/UA forbids the
 *   unembedded standard 14 fonts) that covers all of Latin, so names keep their accents;
 * - Dutch as the document language, the title in the metadata and shown in the title bar,
 *   and the PDF/UA identification in the XMP metadata.
 */

const require = createRequire(import.meta.url);
const fontFile = (name: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`));
// Read once; pdfkit embeds only the glyphs a document uses.
let fonts: { regular: Buffer; bold: Buffer; italic: Buffer } | undefined;
function loadFonts() {
  fonts ??= { regular: fontFile('DejaVuSans'), bold: fontFile('DejaVuSans-Bold'), italic: fontFile('DejaVuSans-Oblique') };
  return fonts;
}

const margin = 56;
const contentsLineHeight = 18;
const levelOf = (s: ExportSection) => s.level ?? 2;

type Pdf = PDFKit.PDFDocument;
type StructElement = PDFKit.PDFStructureElement;

/** pdfkit's `struct`, with the options it takes (`scope` for table headers) that @types/pdfkit leaves out. */
function struct(pdf: Pdf, type: string, options: { scope?: 'Row' | 'Column' } = {}, draw?: () => void): StructElement {
  return (pdf.struct as unknown as (type: string, options: object, children: (() => void) | null) => StructElement).call(pdf, type, options, draw ?? null);
}

export function toPdf(doc: ExportDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Pages are kept in memory so the contents page can be written once the page numbers are known.
    const pdf = new PDFDocument({
      size: 'A4',
      margin,
      bufferPages: true,
      pdfVersion: '1.7',
      // pdfkit supports it; @types/pdfkit lists only the PDF/A subsets.
      subset: 'PDF/UA' as unknown as PDFKit.Mixins.PDFSubsets,
      tagged: true,
      lang: 'nl-NL',
      displayTitle: true,
      info: { Title: doc.title, Creator: 'Dialoogtafel' },
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    try {
      render(pdf, doc);
      pdf.end();
    } catch (err) {
      reject(err as Error);
    }
  });
}

function render(pdf: Pdf, doc: ExportDocument) {
  const f = loadFonts();
  pdf.registerFont('Sans', f.regular);
  pdf.registerFont('Sans-Bold', f.bold);
  pdf.registerFont('Sans-Oblique', f.italic);

  const root = struct(pdf, 'Document');
  pdf.addStructure(root);
  // Each element's drawing runs when it is added to the (attached) tree, so reading order is drawing order.
  const add = (parent: StructElement, type: string, draw: () => void, options: { scope?: 'Row' | 'Column' } = {}) => {
    parent.add(struct(pdf, type, options, draw));
  };

  // Heading levels never skip: the title is H1, chapters H2, their sections H3 (H2 when there are no chapters).
  const hasChapters = doc.sections.some((s) => levelOf(s) === 1);
  const headingTag = (s: ExportSection) => (hasChapters && levelOf(s) === 2 ? 'H3' : 'H2');

  add(root, 'H1', () => pdf.font('Sans-Bold').fontSize(20).text(doc.title));
  if (doc.subtitle) add(root, 'P', () => pdf.moveDown(0.3).font('Sans-Oblique').fontSize(11).text(doc.subtitle!));

  // Reserve the contents pages: one line per heading. Its structure element takes its place in
  // the reading order now; its entries are written once the page numbers are known.
  const contentsPages: number[] = [];
  let contents: StructElement | undefined;
  if (doc.contents) {
    const perPage = Math.floor((pdf.page.height - 2 * margin - 40) / contentsLineHeight);
    const needed = Math.max(1, Math.ceil(doc.sections.length / perPage));
    for (let i = 0; i < needed; i++) {
      pdf.addPage();
      contentsPages.push(currentPage(pdf));
    }
    pdf.addPage();
    contents = struct(pdf, 'Sect');
    root.add(contents);
  }

  const headingPages: number[] = [];
  for (const section of doc.sections) {
    if (section.pageBreakBefore) pdf.addPage();
    const level = levelOf(section);
    pdf.moveDown(level === 1 ? 1.2 : 0.8).font('Sans-Bold').fontSize(level === 1 ? 15 : 12.5);
    // The heading's page is where its first line lands (a heading at a page's foot moves on).
    if (pdf.y + 60 > pdf.page.height - margin) pdf.addPage();
    headingPages.push(currentPage(pdf));
    add(root, headingTag(section), () => pdf.text(section.heading));
    for (const p of section.paragraphs) add(root, 'P', () => paragraph(pdf, p));
    if (section.table) table(pdf, root, section.table);
  }
  if (doc.footer) add(root, 'P', () => pdf.moveDown(1.5).font('Sans').fontSize(8).text(doc.footer!));

  if (doc.contents && contents) {
    let page = 0;
    pdf.switchToPage(contentsPages[0]!);
    add(contents, 'H2', () => pdf.font('Sans-Bold').fontSize(15).text(doc.contents!, margin, margin));
    const toc = struct(pdf, 'TOC');
    contents.add(toc);
    let y = margin + 40;
    doc.sections.forEach((section, i) => {
      if (y + contentsLineHeight > pdf.page.height - margin) {
        pdf.switchToPage(contentsPages[++page]!);
        y = margin;
      }
      const indent = levelOf(section) === 1 ? 0 : 16;
      const number = String(headingPages[i]! + 1);
      const width = pdf.page.width - 2 * margin;
      const entryY = y;
      add(toc, 'TOCI', () => {
        pdf.font(levelOf(section) === 1 ? 'Sans-Bold' : 'Sans').fontSize(10.5);
        pdf.text(section.heading, margin + indent, entryY, { width: width - indent - 40, lineBreak: false, ellipsis: true });
        pdf.text(number, margin, entryY, { width, align: 'right', lineBreak: false });
      });
      y += contentsLineHeight;
    });
    toc.end();
    contents.end();
  }

  // Page numbers, written in the bottom margin (which pdfkit would otherwise treat as overflow).
  // They repeat what the reader already knows, so they are artifacts, outside the structure.
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.markContent('Artifact', { type: 'Pagination' });
    pdf.font('Sans').fontSize(8).text(`${i + 1} / ${range.count}`, margin, pdf.page.height - margin / 2, { width: pdf.page.width - 2 * margin, align: 'center', lineBreak: false });
    pdf.endMarkedContent();
    pdf.page.margins.bottom = bottom;
  }
  root.end();
}

function currentPage(pdf: Pdf): number {
  const range = pdf.bufferedPageRange();
  return range.start + range.count - 1;
}

function paragraph(pdf: Pdf, p: ExportParagraph) {
  pdf.moveDown(0.4).fontSize(p.style === 'small' ? 8 : 11);
  const options = p.style === 'mark' ? { indent: 14 } : {};
  if (p.label) pdf.font('Sans-Bold').text(`${p.label} `, { ...options, continued: true });
  pdf.font(p.style === 'mark' ? 'Sans-Oblique' : 'Sans').text(p.text, options);
}

/**
 * One block per row: the first cell as the row's header, the other cells labelled with their
 * column. Tagged as a table (TR, a row-header TH, TDs) so assistive technology can move by cell.
 */
function table(pdf: Pdf, parent: StructElement, data: ExportTable) {
  const tableElement = struct(pdf, 'Table');
  parent.add(tableElement);
  for (const row of data.rows) {
    const tr = struct(pdf, 'TR');
    tableElement.add(tr);
    tr.add(struct(pdf, 'TH', { scope: 'Row' }, () => pdf.moveDown(0.4).fontSize(10).font('Sans-Bold').text(row[0] ?? '')));
    row.slice(1).forEach((value, i) => {
      tr.add(
        struct(pdf, 'TD', {}, () => {
          pdf.font('Sans-Bold').text(`${data.columns[i + 1] ?? ''}: `, { indent: 14, continued: true }).font('Sans').text(value || '—');
        }),
      );
    });
    tr.end();
  }
  tableElement.end();
}
