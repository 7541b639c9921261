import type { ZodError } from 'zod';
import { isDatabaseUnavailable } from './db/unavailable';
import { httpStatusByCode, type ErrorBody, type ErrorCode } from '../shared/domain/errors';

/** The one error type of the server. Its code decides the HTTP status and the socket acknowledgement. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return httpStatusByCode[this.code];
  }

  toBody(): ErrorBody {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }

  static fromZod(error: ZodError, message = 'The input is not valid.'): AppError {
    const fields: Record<string, string> = {};
    for (const issue of error.issues) {
      const prefix = issue.path.map(String).join('.');
      // Unknown fields are named one by one, so the message lands beside the field that is wrong.
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) fields[prefix ? `${prefix}.${key}` : key] ??= 'is not a known field';
        continue;
      }
      fields[prefix || '_'] ??= issue.message;
    }
    return new AppError('validation_failed', message, fields);
  }
}

/** Not found, worded so that it does not reveal whether the thing exists for someone else. */
export function notFound(): AppError {
  return new AppError('not_found', 'This does not exist or you have no access to it.');
}

/**
 * A database that is away is `unavailable` (503, try again); anything else that is not an
 * AppError is our fault: it becomes `internal`, with no details leaked.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) return new AppError('unavailable', 'The service is briefly unavailable. Try again in a moment.');
  return new AppError('internal', 'Something went wrong on our side.');
}
