import type { AccountDto, ErasureDto } from '../../shared/schemas/privacy';
import { request } from './client';

/** One's own data (AVG) and, for administrators, erasure on request. */
export const privacyApi = {
  myDataUrl: (format: 'json' | 'docx' | 'pdf') => `/api/me/data.${format}`,
  accounts: (signal?: AbortSignal) => request<AccountDto[]>('GET', '/api/admin/accounts', undefined, signal),
  erase: (userId: string) => request<ErasureDto>('POST', `/api/admin/accounts/${encodeURIComponent(userId)}/erase`),
};
