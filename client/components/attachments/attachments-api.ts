import type { AttachmentDto, AttachmentListDto, AttachmentParentKind } from '../../../shared/schemas/attachments';
import { isErrorCode } from '../../../shared/domain/errors';
import { ApiError, request, unauthenticatedEvents } from '../../api/client';

const base = (trajectoryId: string) => `/api/trajectories/${trajectoryId}/attachments`;

export const attachmentsApi = {
  list: (trajectoryId: string, parentKind: AttachmentParentKind, parentId: string, signal?: AbortSignal) =>
    request<AttachmentListDto>('GET', `${base(trajectoryId)}?${new URLSearchParams({ parentKind, parentId })}`, undefined, signal),
  remove: (trajectoryId: string, attachmentId: string) => request<void>('DELETE', `${base(trajectoryId)}/${attachmentId}`),
  fileUrl: (trajectoryId: string, attachmentId: string, fileId: string) => `${base(trajectoryId)}/${attachmentId}/files/${fileId}`,
  addUrl: (trajectoryId: string, parentKind: AttachmentParentKind, parentId: string, name: string) => `${base(trajectoryId)}?${new URLSearchParams({ parentKind, parentId, name })}`,
  replaceUrl: (trajectoryId: string, attachmentId: string, name: string) => `${base(trajectoryId)}/${attachmentId}/versions?${new URLSearchParams({ name })}`,
};

/**
 * Sends a file as it is (application/octet-stream, the one other body the server takes besides
 * JSON) with XMLHttpRequest, the browser API that reports upload progress.
 */
export function uploadFile(url: string, file: File, onProgress: (fraction: number) => void): Promise<AttachmentDto> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'unavailable', 'The server could not be reached.'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as AttachmentDto);
      const error = (body as { error?: { code?: unknown; message?: unknown; fields?: Record<string, string> } } | undefined)?.error;
      if (xhr.status === 401) unauthenticatedEvents.dispatchEvent(new Event('unauthenticated'));
      reject(new ApiError(xhr.status, isErrorCode(error?.code) ? error.code : 'internal', typeof error?.message === 'string' ? error.message : xhr.statusText, error?.fields));
    };
    xhr.send(file);
  });
}
