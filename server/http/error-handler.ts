import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, toAppError } from '../errors';
import { retryAfterSeconds } from '../db/unavailable';
import type { Logger } from '../logger';

/** Unknown API paths answer in the API's error format, not with the client's HTML. */
export const apiNotFound: RequestHandler = (_req, _res, next) => {
  next(new AppError('not_found', 'There is nothing at this address.'));
};

/**
 * Turns every error into `{ error: { code, message, fields? } }`. Errors of the body parser
 * (malformed JSON, too large, wrong charset) are bad input, never a 500.
 */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const appError = fromBodyParser(error) ?? toAppError(error);
    // A calendar address is a secret: its token never reaches a log.
    const path = req.path.replace(/\/calendar\/[^/]+\.ics$/, '/calendar/…ics');
    if (appError.code === 'internal') log.error({ err: error, path, method: req.method }, 'request failed');
    if (appError.code === 'unavailable') log.warn({ err: (error as Error).message, path, method: req.method }, 'database unavailable');
    if (res.headersSent) return void res.end();
    if (appError.code === 'unavailable') res.setHeader('Retry-After', String(retryAfterSeconds));
    res.status(appError.status).json({ error: appError.toBody() });
  };
}

function fromBodyParser(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  switch ((error as { type: unknown }).type) {
    case 'entity.parse.failed':
      return new AppError('bad_request', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new AppError('payload_too_large', 'The request body is too large.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('bad_request', 'The request body has an unsupported encoding.');
    case 'request.aborted':
      return new AppError('bad_request', 'The request was aborted.');
    case 'request.size.invalid':
    case 'stream.encoding.set':
    case 'stream.not.readable':
    case 'parameters.too.many':
      return new AppError('bad_request', 'The request body could not be read.');
    default:
      return undefined;
  }
}
