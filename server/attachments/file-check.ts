import { fileTypeFromBuffer } from 'file-type';
import { allowedAttachmentTypes, type AllowedAttachmentType } from '../../shared/domain/attachments';
import { AppError } from '../errors';

/** How much of the start of a file the type check reads; office files name their kind in their first entries. */
export const headBytes = 1024 * 1024;

const extensionOf = (name: string) => (/\.([A-Za-z0-9]+)$/.exec(name)?.[1] ?? '').toLowerCase();

/** What browsers take for HTML when sniffing (WHATWG MIME sniffing), and XML that could carry script. */
const markupStart = /^\s*<(!doctype\s+html|html|head|body|script|iframe|svg|\?xml|!--|a\s|div|table|style|title|img|br|p[\s>])/i;

function refuse(message: string, reason: string): never {
  throw new AppError('unsupported_media_type', message, { file: reason });
}

/**
 * Decides a file's type from its first bytes and its name: the content must be one of the
 * allowed types, and the name's extension must fit it (a Word file called .pdf, an .exe or an HTML
 * page renamed .pdf, a macro-enabled .docm: all refused).
 */
export async function checkFileType(name: string, head: Buffer): Promise<{ type: AllowedAttachmentType; mime: string }> {
  const extension = extensionOf(name);
  const detected = await fileTypeFromBuffer(head);
  if (detected) {
    const type = (Object.keys(allowedAttachmentTypes) as AllowedAttachmentType[]).find((t) => t === detected.ext);
    if (!type || type === 'csv' || type === 'txt') refuse(`Files of this type (${detected.ext}) cannot be attached.`, 'type_not_allowed');
    if (!(allowedAttachmentTypes[type].extensions as readonly string[]).includes(extension)) refuse(`The file's content is ${detected.ext}, but its name ends in .${extension || '(none)'}.`, 'name_does_not_match_content');
    return { type, mime: allowedAttachmentTypes[type].mime };
  }
  if (extension !== 'csv' && extension !== 'txt') refuse(`The file's content is not a ${extension ? `.${extension}` : 'known'} file.`, 'type_not_allowed');
  if (head.includes(0) || markupStart.test(head.subarray(0, 1024).toString('utf8').replace(/^\uFEFF/, ''))) refuse('A text file must be plain text.', 'not_plain_text');
  return { type: extension, mime: allowedAttachmentTypes[extension].mime };
}

/** Checks the rest of a text file as it streams past: valid UTF-8, no NUL bytes. */
export function textChecker(): { push(piece: Buffer): void; end(): void } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return {
    push(piece) {
      if (piece.includes(0)) refuse('A text file must be plain text.', 'not_plain_text');
      try {
        decoder.decode(piece, { stream: true });
      } catch {
        refuse('A text file must be UTF-8.', 'not_utf8');
      }
    },
    end() {
      try {
        decoder.decode();
      } catch {
        refuse('A text file must be UTF-8.', 'not_utf8');
      }
    },
  };
}
