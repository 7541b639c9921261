import { wordDocumentType, type ConfirmWordImportRequest, type WordImportPreviewDto, type WordImportResult } from '../../../shared/schemas/word-import';
import { request } from '../../api/client';
import { uploadFile } from '../../api/upload';

const enc = encodeURIComponent;
const importPath = (trajectoryId: string) => `/api/trajectories/${enc(trajectoryId)}/agreement/import`;

export const wordImportPagePath = (trajectoryId: string) => `/trajecten/${trajectoryId}/overeenkomst/word-importeren`;

/** Sends the file itself as the body; `onProgress` gets null once it is sent and the server is reading it. */
export const uploadWordFile = (trajectoryId: string, file: File, onProgress: (fraction: number | null) => void, signal?: AbortSignal): Promise<WordImportPreviewDto> =>
  uploadFile<WordImportPreviewDto>(`${importPath(trajectoryId)}/preview`, file, { contentType: wordDocumentType, headers: { 'x-file-name': enc(file.name) }, onProgress, ...(signal ? { signal } : {}) });

export const confirmWordImport = (trajectoryId: string, body: ConfirmWordImportRequest) => request<WordImportResult>('POST', importPath(trajectoryId), body);
