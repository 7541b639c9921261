import type { Response } from 'express';
import { toDocx, toPdf, type ExportDocument } from './document';

const types = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const;

/** A file name safe in a Content-Disposition header, with the readable name for clients that take it (RFC 6266). */
function disposition(name: string, format: 'docx' | 'pdf'): string {
  const ascii = name.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\/]/g, '-').replace(/\s+/g, ' ').trim() || 'document';
  return `attachment; filename="${ascii}.${format}"; filename*=UTF-8''${encodeURIComponent(`${name}.${format}`)}`;
}

/** Sends an exported document whose operation names its own file: `{ document, filename }`. */
export function namedExportFile(format: 'docx' | 'pdf') {
  return (res: Response, result: unknown) => {
    const { document, filename } = result as { document: ExportDocument; filename: string };
    void (format === 'docx' ? toDocx(document) : toPdf(document)).then(
      (file) => res.type(types[format]).setHeader('Content-Disposition', disposition(filename, format)).send(file),
      () => res.status(503).json({ error: { code: 'unavailable', message: 'The document could not be made; try again.' } }),
    );
  };
}
