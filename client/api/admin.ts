import { call } from './call';

/** The platform administrator's development outbox. */
export const adminApi = {
  outbox: (signal?: AbortSignal) => call('listOutbox', {}, signal),
};
