import { useSyncExternalStore } from 'react';
import { createConnectionStore } from './connection-state';
import type { ConnectionState, ConnectionStore } from './connection-state';
import { getSocket } from './socket';

let store: ConnectionStore | undefined;

function getStore(): ConnectionStore {
  store ??= createConnectionStore(getSocket());
  return store;
}

export function useConnectionState(): ConnectionState {
  const { subscribe, getSnapshot } = getStore();
  return useSyncExternalStore(subscribe, getSnapshot);
}

export type { ConnectionState };
