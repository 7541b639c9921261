import { isErrorCode } from '../../../shared/domain/errors';
import { wordDocumentType, type ConfirmWordImportRequest, type WordImportPreviewDto, type WordImportResult } from '../../../shared/schemas/word-import';
import { ApiError, request, unauthenticatedEvents } from '../../api/client';

const enc = encodeURIComponent;
const importPath = (trajectoryId: string) => `/api/trajectories/${enc(trajectoryId)}/agreement/import`;

export const wordImportPagePath = (trajectoryId: string) => `/trajecten/${trajectoryId}/overeenkomst/word-importeren`;

/**
 * Sends the file itself as the body (no form encoding), with upload progress: fetch cannot
 * report progress on a request body, XMLHttpRequest can. `onProgress` gets 0..1 while sending
 * and `null` once the file is sent and the server is reading it.
 */
export function uploadWordFile(trajectoryId: string, file: File, onProgress: (fraction: number | null) => void, signal?: AbortSignal): Promise<WordImportPreviewDto> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${importPath(trajectoryId)}/preview`);
    xhr.setRequestHeader('content-type', wordDocumentType);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-file-name', enc(file.name));
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.upload.onload = () => onProgress(null);
    xhr.onerror = () => reject(new ApiError(0, 'unavailable', 'The server could not be reached.'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as WordImportPreviewDto);
      const error = (body as { error?: { code?: unknown; message?: unknown; fields?: Record<string, string> } } | undefined)?.error;
      const code = isErrorCode(error?.code) ? error.code : xhr.status === 413 ? 'payload_too_large' : 'internal';
      if (xhr.status === 401) unauthenticatedEvents.dispatchEvent(new Event('unauthenticated'));
      reject(new ApiError(xhr.status, code, typeof error?.message === 'string' ? error.message : xhr.statusText, error?.fields));
    };
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}

export const confirmWordImport = (trajectoryId: string, body: ConfirmWordImportRequest) => request<WordImportResult>('POST', importPath(trajectoryId), body);
