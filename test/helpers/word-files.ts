import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';

/** The .docx media type the import route takes as its body. */
export const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A real draft agreement as Word writes it, made with the `docx` package: a title paragraph,
 * two chapters (Heading 1), an article (Heading 2) with a bullet list, a numbered list of
 * clauses directly in a chapter, a table, and bold and italic words.
 */
export async function draftAgreementDocx(): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'artikelen',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2.', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('Deze overeenkomst regelt de inkoop van jeugdhulp in de regio.')] }),
          new Paragraph({ text: 'Algemene bepalingen', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Begrippen', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ children: [new TextRun('In deze overeenkomst wordt verstaan onder '), new TextRun({ text: 'jeugdhulp', bold: true }), new TextRun(': hulp en '), new TextRun({ text: 'ondersteuning', italics: true }), new TextRun(' aan jeugdigen.')] }),
          new Paragraph({ text: 'gemeente: een deelnemende gemeente;', bullet: { level: 0 } }),
          new Paragraph({ text: 'aanbieder: de partij die jeugdhulp levert.', bullet: { level: 0 } }),
          new Paragraph({ text: 'Looptijd', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'De overeenkomst loopt vier jaar.' }),
          new Paragraph({ text: 'Kwaliteit en tarieven', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'De aanbieder levert zorg volgens de geldende kwaliteitseisen.', numbering: { reference: 'artikelen', level: 0 } }),
          new Paragraph({ text: 'De aanbieder meldt calamiteiten binnen drie werkdagen.', numbering: { reference: 'artikelen', level: 0 } }),
          new Paragraph({ text: 'bij de toezichthouder;', numbering: { reference: 'artikelen', level: 1 } }),
          new Paragraph({ text: 'De tarieven staan in de tabel hieronder.', numbering: { reference: 'artikelen', level: 0 } }),
          new Table({
            rows: [
              new TableRow({ tableHeader: true, children: [cell('Product'), cell('Tarief')] }),
              new TableRow({ children: [cell('Ambulante begeleiding'), cell('€ 65 per uur')] }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function cell(text: string): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun(text)] })] });
}

/** The same document made macro-enabled, as Word saves a .docm: the macro main type and a VBA project part. */
export async function macroEnabledDocx(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await draftAgreementDocx());
  const types = (await zip.file('[Content_Types].xml')!.async('string'))
    .replace('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'application/vnd.ms-word.document.macroEnabled.main+xml')
    .replace('</Types>', '<Override PartName="/word/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
  zip.file('[Content_Types].xml', types);
  zip.file('word/vbaProject.bin', Buffer.from('Attribute VB_Name = "ThisDocument"\nSub AutoOpen()\nEnd Sub\n'));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A real document with one extra part of `bytes` zeros: tiny packed, large unpacked (a zip bomb in miniature). */
export async function zipBombDocx(bytes: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await draftAgreementDocx());
  zip.file('word/media/filler.bin', Buffer.alloc(bytes));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** A zip that breaks off halfway: it starts like a .docx and cannot be read. */
export async function truncatedDocx(): Promise<Buffer> {
  const whole = await draftAgreementDocx();
  return whole.subarray(0, Math.floor(whole.length / 2));
}
