import { request } from '../../api/client';
import type { JoinCodeDto } from '../../../shared/live-table/join-code';

/** The join-code routes (server/live-table/join-code.ts). */
export const joinCodeApi = {
  ofSession: (sessionId: string, signal?: AbortSignal) => request<JoinCodeDto>('GET', `/api/sessions/${encodeURIComponent(sessionId)}/join-code`, undefined, signal),
  find: (code: string, signal?: AbortSignal) => request<JoinCodeDto>('GET', `/api/join-codes/${encodeURIComponent(code)}`, undefined, signal),
};

/** "K7QX3MPA" as "K7QX 3MPA": two groups of four read aloud and typed more easily. */
export const spacedCode = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;

/** Where a phone votes for a code: the address in the QR code. */
export const voteUrl = (code: string) => `${window.location.origin}/stem/${code}`;
