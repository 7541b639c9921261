import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';

/**
 * A simple document (a title, then numbered or plain sections of paragraphs) written to DOCX,
 * the format municipalities work in, and to PDF. One model for both, so the two never differ.
 */
export interface ExportDocument {
  title: string;
  subtitle?: string;
  sections: Array<{ heading: string; paragraphs: Array<{ label?: string; text: string }> }>;
  footer?: string;
}

export async function toDocx(doc: ExportDocument): Promise<Buffer> {
  const children: Paragraph[] = [new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE })];
  if (doc.subtitle) children.push(new Paragraph({ children: [new TextRun({ text: doc.subtitle, italics: true })] }));
  for (const section of doc.sections) {
    children.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_2 }));
    for (const p of section.paragraphs) {
      children.push(new Paragraph({ children: [...(p.label ? [new TextRun({ text: `${p.label} `, bold: true })] : []), new TextRun(p.text)] }));
    }
  }
  if (doc.footer) children.push(new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: doc.footer, size: 16 })] }));
  const document = new Document({ creator: 'Dialoogtafel', title: doc.title, sections: [{ children }] });
  return Packer.toBuffer(document);
}

export function toPdf(doc: ExportDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: doc.title, Creator: 'Dialoogtafel' } });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.font('Helvetica-Bold').fontSize(20).text(doc.title);
    if (doc.subtitle) pdf.moveDown(0.3).font('Helvetica-Oblique').fontSize(11).text(doc.subtitle);
    for (const section of doc.sections) {
      pdf.moveDown(1).font('Helvetica-Bold').fontSize(13).text(section.heading);
      for (const p of section.paragraphs) {
        pdf.moveDown(0.4).fontSize(11);
        if (p.label) pdf.font('Helvetica-Bold').text(`${p.label} `, { continued: true });
        pdf.font('Helvetica').text(p.text);
      }
    }
    if (doc.footer) pdf.moveDown(1.5).font('Helvetica').fontSize(8).text(doc.footer);
    pdf.end();
  });
}
