import type { Request, Response } from 'express';
import type { RouteTable } from '../api/route-table';
import { addAttachment, downloadAttachment, listAttachments, removeAttachment, replaceAttachment, type Download } from './attachment-operations';


/**
 * An upload's input: the name and parent from the query string, the bytes from the request as they
 * arrive. A JSON body (which the body parser has read) is checked as the input it is, field by
 * field, and always refused: it cannot carry a file.
 */
function uploadInput(req: Request): unknown {
  if (req.is('application/json')) return req.body;
  const { name, parentKind, parentId, ...rest } = req.query;
  return {
    ...rest,
    name,
    ...(parentKind === undefined && parentId === undefined ? {} : { parentKind, parentId }),
    contentType: req.headers['content-type'],
    declaredLength: req.headers['content-length'],
    stream: req,
  };
}

/**
 * Sends a stored file so that no browser shows it: always a download (RFC 6266, the name as
 * UTF-8 in filename* with an ASCII fallback), a type from the allow-list (never HTML), no
 * sniffing, and a sandbox for the odd browser that renders it anyway.
 */
function sendFile(res: Response, result: unknown): void {
  const { version, bytes } = result as Download;
  res.attachment(version.name);
  res.setHeader('Content-Type', version.contentType);
  res.setHeader('Content-Length', String(version.size));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  void (async () => {
    try {
      for await (const chunk of bytes()) if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
      res.end();
    } catch {
      // Headers are out: all that is left is to break the connection, so the download is seen to fail.
      res.destroy();
    }
  })();
}

/** Attachments of topics, clauses, sessions, questions, answers and consultations. */
export function attachmentRoutes(): RouteTable {
  return [
    { operationId: 'listAttachments', operation: listAttachments },
    {
      operationId: 'addAttachment', operation: addAttachment,
      input: uploadInput,
    },
    { operationId: 'replaceAttachment', operation: replaceAttachment, input: uploadInput },
    { operationId: 'removeAttachment', operation: removeAttachment },
    { operationId: 'downloadAttachment', operation: downloadAttachment, respond: sendFile },
  ];
}
