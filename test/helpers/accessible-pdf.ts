import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';

const run = promisify(execFile);

/**
 * Checks a PDF the way an accessibility checker starts: with poppler's pdfinfo and pdffonts
 * (poppler-utils), plus the catalog entries they do not print. PDF/UA-1 asks for all of these:
 * tagged (MarkInfo Marked true, a structure tree), a document language (Dutch), a title that the
 * viewer shows, every font embedded, and the PDF/UA identification in the XMP metadata.
 */
export async function expectAccessiblePdf(bytes: Buffer, title?: string): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dialoogtafel-pdf-'));
  const file = path.join(dir, 'export.pdf');
  try {
    await writeFile(file, bytes);
    const info = (await run('pdfinfo', [file])).stdout;
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
    const shownTitle = /^Title:\s+(.+)$/m.exec(info)?.[1]?.trim();
    expect(shownTitle, 'a title in the info dictionary').toBeTruthy();
    if (title) expect(shownTitle).toBe(title);

    const meta = (await run('pdfinfo', ['-meta', file])).stdout;
    expect(meta).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(meta).toContain('<dc:title>');

    // The structure tree: a Document with the title as its first heading.
    const struct = (await run('pdfinfo', ['-struct', file])).stdout;
    expect(struct).toMatch(/^Document\n\s+H1\b/);

    // Every font embedded (the standard 14 fonts are not, and PDF/UA forbids them).
    const fontLines = (await run('pdffonts', [file])).stdout.split('\n').slice(2).filter((line) => line.trim());
    expect(fontLines.length).toBeGreaterThan(0);
    for (const line of fontLines) expect(line, 'embedded font').toMatch(/\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
    for (const line of fontLines) expect(line).not.toMatch(/^(Helvetica|Times|Courier|Symbol|ZapfDingbats)/);

    // Catalog entries pdfinfo does not print (pdfkit writes no object streams, so they are plain text).
    const raw = bytes.toString('latin1');
    expect(raw).toContain('/Lang (nl-NL)');
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toContain('/Marked true');
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(raw).toContain('/DisplayDocTitle true');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
