import { isErrorCode } from '../../shared/domain/errors';
import type { ErrorCode } from '../../shared/domain/errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** An error the API answered with (or a network failure, as `unavailable`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  /** Per-field messages (English, from the server), keyed by the dotted path of the field. */
  readonly fields: Record<string, string> | undefined;

  constructor(status: number, code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

/**
 * Fired when the server answers 401 to any request: the session ended (expired, or signed out
 * in another tab). The session context listens and shows the person as signed out.
 */
export const unauthenticatedEvents = new EventTarget();

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Whatever a request threw, as the API error the screens know how to show. */
export function asApiError(caught: unknown): ApiError {
  return caught instanceof ApiError ? caught : new ApiError(0, 'internal', String(caught));
}

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 410) return 'gone';
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 429) return 'rate_limited';
  if (status === 503 || status === 502 || status === 504) return 'unavailable';
  if (status >= 400 && status < 500) return 'bad_request';
  return 'internal';
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | undefined)?.error;
  const code = isErrorCode(error?.code) ? error.code : codeForStatus(response.status);
  const message = typeof error?.message === 'string' ? error.message : response.statusText;
  const fields =
    error?.fields && typeof error.fields === 'object' ? (error.fields as Record<string, string>) : undefined;
  return new ApiError(response.status, code, message, fields);
}

/**
 * The one way the client talks to the REST API: same-origin cookies, JSON in and out. Every
 * request with a body says so with `content-type: application/json`; the server refuses
 * state-changing requests without it (a form on another site cannot send that header), so a
 * state-changing request always carries a JSON body, `{}` when there is nothing to say.
 */
export async function request<T>(method: HttpMethod, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, credentials: 'same-origin', headers };
  const payload = body === undefined && method !== 'GET' ? {} : body;
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(payload);
  }
  if (signal) init.signal = signal;
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if ((error as { name?: string }).name === 'AbortError') throw error;
    throw new ApiError(0, 'unavailable', 'The server could not be reached.');
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401) unauthenticatedEvents.dispatchEvent(new Event('unauthenticated'));
    throw error;
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
