import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { toPdf, type ExportDocument } from '../../server/export/document';
import { expectAccessiblePdf } from '../helpers/accessible-pdf';

const run = promisify(execFile);

// Long enough for several contents entries and pages; names outside Latin-1 (the standard fonts' range).
const document: ExportDocument = {
  title: 'Raamovereenkomst jeugdhulp Regio Zuid',
  subtitle: 'Definitieve versie',
  contents: 'Inhoudsopgave',
  sections: Array.from({ length: 30 }, (_, i) => ({
    heading: i % 6 === 0 ? `Hoofdstuk ${i / 6 + 1} Łódź en Ĳsselstein` : `Artikel ${i + 1} Looptijd`,
    level: i % 6 === 0 ? (1 as const) : (2 as const),
    paragraphs: [{ label: `${i + 1}.1`, text: 'De overeenkomst geldt voor de duur van vier jaar. '.repeat(12) }, { text: 'Variant van de gemeente Şişli.', style: 'mark' as const }],
    table: i === 4 ? { columns: ['Vraag', 'Antwoord', 'Status'], rows: [['Hoe lang?', 'Vier jaar', 'beantwoord'], ['Wie tekent?', '', 'open']] } : undefined,
  })),
  footer: 'Gemaakt met Dialoogtafel',
};

describe('PDF export', () => {
  it('is tagged PDF/UA in Dutch with an embedded font, a structure in reading order and page numbers as artifacts', async () => {
    const bytes = await toPdf(document);
    await expectAccessiblePdf(bytes, document.title);

    const file = path.join(mkdtempSync(path.join(tmpdir(), 'dialoogtafel-pdf-')), 'export.pdf');
    writeFileSync(file, bytes);
    const struct = (await run('pdfinfo', ['-struct', file])).stdout;
    // Title, subtitle, the contents (a heading and one entry per section), then chapters (H2) with their articles (H3).
    expect(struct).toMatch(/^Document\n {2}H1 \(block\)\n {2}P \(block\)\n {2}Sect\n {4}H2 \(block\)\n {4}TOC\n/);
    expect(struct.match(/^ {6}TOCI$/gm)).toHaveLength(document.sections.length);
    expect(struct.match(/^ {2}H2 \(block\)$/gm)).toHaveLength(5);
    expect(struct.match(/^ {2}H3 \(block\)$/gm)).toHaveLength(25);
    expect(struct).toMatch(/^ {2}Table \(block\)\n {4}TR\n {6}TH:\n {9}\/Scope \/Row\n {6}TD\n {6}TD\n/m);

    // Everything a reader hears is inside the structure; the page numbers ("1 / 9") are not.
    const structText = (await run('pdfinfo', ['-struct-text', file])).stdout;
    expect(structText).toContain('"Hoofdstuk 1 Łódź en Ĳsselstein"');
    expect(structText).toContain('Variant van de gemeente Şişli.');
    expect(structText).toContain('"Antwoord: Vier jaar"');
    const pages = Number(/^Pages:\s+(\d+)$/m.exec((await run('pdfinfo', [file])).stdout)?.[1]);
    expect(pages).toBeGreaterThan(3);
    const pageNumber = new RegExp(`(^|\\s)1 ?/ ?${pages}(\\s|$)`);
    expect(structText).not.toMatch(pageNumber);
    expect((await run('pdftotext', [file, '-'])).stdout).toMatch(pageNumber);
  });
});
