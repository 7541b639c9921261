import type { AttachmentDto, AttachmentListDto, AttachmentParentKind } from '../../../shared/schemas/attachments';
import { request } from '../../api/client';
import { uploadFile } from '../../api/upload';

const base = (trajectoryId: string) => `/api/trajectories/${trajectoryId}/attachments`;

export const attachmentsApi = {
  list: (trajectoryId: string, parentKind: AttachmentParentKind, parentId: string, signal?: AbortSignal) =>
    request<AttachmentListDto>('GET', `${base(trajectoryId)}?${new URLSearchParams({ parentKind, parentId })}`, undefined, signal),
  remove: (trajectoryId: string, attachmentId: string) => request<void>('DELETE', `${base(trajectoryId)}/${attachmentId}`),
  fileUrl: (trajectoryId: string, attachmentId: string, fileId: string) => `${base(trajectoryId)}/${attachmentId}/files/${fileId}`,
  addUrl: (trajectoryId: string, parentKind: AttachmentParentKind, parentId: string, name: string) => `${base(trajectoryId)}?${new URLSearchParams({ parentKind, parentId, name })}`,
  replaceUrl: (trajectoryId: string, attachmentId: string, name: string) => `${base(trajectoryId)}/${attachmentId}/versions?${new URLSearchParams({ name })}`,
};

/** Sends a file as it is: application/octet-stream, the one other body the server takes besides JSON. */
export const uploadAttachment = (url: string, file: File, onProgress: (fraction: number) => void): Promise<AttachmentDto> =>
  uploadFile<AttachmentDto>(url, file, { contentType: 'application/octet-stream', onProgress: (fraction) => onProgress(fraction ?? 1) });
