import JSZip from 'jszip';
import { AppError } from '../errors';

/** Why an uploaded file is refused; the client shows a translated text per reason. */
export type WordFileRefusal = 'damaged' | 'not_word' | 'macro_enabled' | 'too_large_unpacked' | 'too_many_parts' | 'too_long' | 'empty';

const codeByRefusal = {
  damaged: 'bad_request',
  not_word: 'unsupported_media_type',
  macro_enabled: 'unsupported_media_type',
  too_large_unpacked: 'payload_too_large',
  too_many_parts: 'payload_too_large',
  too_long: 'payload_too_large',
  empty: 'validation_failed',
} as const;

const messageByRefusal: Record<WordFileRefusal, string> = {
  damaged: 'The file is damaged: it cannot be read as a Word document.',
  not_word: 'The file is not a Word document (.docx).',
  macro_enabled: 'The file contains macros (a .docm document); save it as a .docx without macros.',
  too_large_unpacked: 'The file unpacks to more than the import accepts.',
  too_many_parts: 'The file holds more parts than a Word document has.',
  too_long: 'The document holds more chapters, clauses or paragraphs than one import creates.',
  empty: 'The document holds no text to import.',
};

export function wordFileRefusal(reason: WordFileRefusal): AppError {
  return new AppError(codeByRefusal[reason], messageByRefusal[reason], { reason });
}

// Main parts by content type ([Content_Types].xml): what Word writes for each kind of document.
const documentMain = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const macroContentTypes = ['application/vnd.ms-word.document.macroenabled.main+xml', 'application/vnd.ms-word.template.macroenabledtemplate.main+xml', 'application/vnd.ms-office.vbaproject'];
const zipSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** A Word document has a few dozen parts; a zip with thousands is not one we read. */
const maxParts = 2000;

/**
 * Decides by content, never by the file's name, whether a file is a Word document the import
 * may read: a zip that opens, whose `[Content_Types].xml` names a .docx main document, with no
 * macro project, and whose parts together unpack to at most `maxUnpackedBytes`. The parts are
 * really unpacked (and counted) here, not judged by the sizes the zip claims, so a zip bomb
 * stops at the limit before mammoth reads it.
 */
export async function checkWordFile(file: Uint8Array, maxUnpackedBytes: number): Promise<void> {
  if (file.length < zipSignature.length || !Buffer.from(file.subarray(0, 4)).equals(zipSignature)) throw wordFileRefusal('not_word');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(file, { checkCRC32: false });
  } catch {
    throw wordFileRefusal('damaged');
  }
  const parts = Object.values(zip.files).filter((f) => !f.dir);
  if (parts.length > maxParts) throw wordFileRefusal('too_many_parts');
  if (parts.some((p) => /(^|\/)vbaProject\.bin$/i.test(p.name))) throw wordFileRefusal('macro_enabled');
  const contentTypes = zip.file('[Content_Types].xml');
  if (!contentTypes) throw wordFileRefusal('not_word');
  let remaining = maxUnpackedBytes;
  for (const part of parts) remaining -= await unpackedSize(part, remaining);
  const types = (await contentTypes.async('string')).toLowerCase();
  if (macroContentTypes.some((t) => types.includes(t))) throw wordFileRefusal('macro_enabled');
  if (!types.includes(documentMain) || !zip.file('word/document.xml')) throw wordFileRefusal('not_word');
}

/** Unpacks one part, counting; stops and refuses as soon as it passes `limit` bytes. */
function unpackedSize(part: JSZip.JSZipObject, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0;
    let stopped = false;
    // `internalStream` is JSZip's documented streaming read; its typings only declare nodeStream.
    const stream = (part as unknown as { internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array> }).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        if (stopped) return;
        size += chunk.length;
        if (size > limit) {
          stopped = true;
          stream.pause();
          reject(wordFileRefusal('too_large_unpacked'));
        }
      })
      .on('error', () => {
        if (stopped) return;
        stopped = true;
        reject(wordFileRefusal('damaged'));
      })
      .on('end', () => {
        if (!stopped) resolve(size);
      })
      .resume();
  });
}
