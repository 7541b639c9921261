import type { Request } from 'express';
import { wordDocumentType } from '../../shared/schemas/word-import';
import { defaultWordImportLimits, type Config } from '../config';
import type { RouteSpec } from '../api/route-table';

/** Header with the file's name (URI-encoded), kept in the preview and the audit event. */
const fileNameHeader = 'x-file-name';

/**
 * The upload part of the preview route: the body is the .docx itself, read up to
 * WORD_IMPORT_MAX_BYTES (a larger one is refused with 413 before it is read), and becomes the
 * operation's `{ file, fileName }`. A JSON body is passed on as it is, for the operation to refuse.
 */
export function uploadedWordFile(config: Config): Pick<RouteSpec, 'upload' | 'input'> {
  return {
    upload: { types: [wordDocumentType], limit: (config.wordImport ?? defaultWordImportLimits).maxFileBytes },
    input: (req: Request) => (Buffer.isBuffer(req.body) ? { file: req.body, fileName: fileNameOf(req) } : req.body),
  };
}

function fileNameOf(req: Request): string {
  const raw = req.get(fileNameHeader) ?? '';
  try {
    // Control characters have no place in a name shown in the audit log.
    return decodeURIComponent(raw).replace(/[\u0000-\u001f\u007f]/g, '');
  } catch {
    return '';
  }
}
