import { bulkInvitationMaxBytes } from '../../../shared/schemas/bulk-invitations';
import type { BulkInvitationUpload } from '../../../shared/schemas/bulk-invitations';

/** What the file input offers: CSV and .xlsx, by name and by media type. */
export const bulkSheetAccept = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Why a chosen file cannot be sent, as a message key; the server checks the content again. */
export function checkSheetFile(file: File | null): 'noFile' | 'wrongType' | 'tooLarge' | undefined {
  if (!file) return 'noFile';
  if (!/\.(csv|xlsx)$/i.test(file.name)) return 'wrongType';
  if (file.size > bulkInvitationMaxBytes) return 'tooLarge';
  return undefined;
}

/** The file as the API takes it: its name and its bytes in base64. */
export function readSheet(file: File): Promise<BulkInvitationUpload> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ fileName: file.name, content: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}
