import type { SearchResult } from '../../shared/schemas/search';
import { request } from './client';

// Search across one trajectory. Types only from shared/: the schemas stay out of the browser bundle.
export const searchApi = {
  search: (trajectoryId: string, q: string, signal?: AbortSignal) =>
    request<SearchResult>('GET', `/api/trajectories/${encodeURIComponent(trajectoryId)}/search?q=${encodeURIComponent(q)}`, undefined, signal),
};
