import type { ContractVersionDto, ContractVersionsDto, OpenRoundRequest } from '../../shared/schemas/rounds';
import { request } from './client';

// Change rounds and the versions of the definitive agreement. Types only from shared/.
const enc = encodeURIComponent;
const finalPath = (trajectoryId: string) => `/api/trajectories/${enc(trajectoryId)}/final`;

export const roundsApi = {
  versions: (trajectoryId: string, signal?: AbortSignal) => request<ContractVersionsDto>('GET', `${finalPath(trajectoryId)}/versions`, undefined, signal),
  version: (trajectoryId: string, label: string, signal?: AbortSignal) => request<ContractVersionDto>('GET', `${finalPath(trajectoryId)}/versions/${enc(label)}`, undefined, signal),
  open: (trajectoryId: string, input: OpenRoundRequest) => request<ContractVersionsDto>('POST', `${finalPath(trajectoryId)}/rounds`, input),
};
