export { ApiError, isApiError, request } from './client';
export type { HttpMethod } from './client';
export * from './endpoints';
