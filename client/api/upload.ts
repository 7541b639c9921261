import { isErrorCode } from '../../shared/domain/errors';
import { ApiError, unauthenticatedEvents } from './client';

export interface UploadOptions {
  /** The body's media type: a Word file's own type for the import, application/octet-stream for attachments. */
  contentType: string;
  headers?: Record<string, string>;
  /** 0..1 while the file is sent; null once it is sent and the server is reading it. */
  onProgress: (fraction: number | null) => void;
  signal?: AbortSignal;
}

/**
 * Sends a file itself as the body (no form encoding: the server takes JSON and these file types
 * only, which a form on another site cannot send) with XMLHttpRequest, because fetch cannot
 * report progress on a request body. Errors come back as the API's own (ApiError).
 */
export function uploadFile<T>(url: string, file: File, options: UploadOptions): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', options.contentType);
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(options.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress(event.loaded / event.total);
    };
    xhr.upload.onload = () => options.onProgress(null);
    xhr.onerror = () => reject(new ApiError(0, 'unavailable', 'The server could not be reached.'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const error = (body as { error?: { code?: unknown; message?: unknown; fields?: Record<string, string> } } | undefined)?.error;
      // A proxy's own 413 has no body of ours.
      const code = isErrorCode(error?.code) ? error.code : xhr.status === 413 ? 'payload_too_large' : 'internal';
      if (xhr.status === 401) unauthenticatedEvents.dispatchEvent(new Event('unauthenticated'));
      reject(new ApiError(xhr.status, code, typeof error?.message === 'string' ? error.message : xhr.statusText, error?.fields));
    };
    options.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}
