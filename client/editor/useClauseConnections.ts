import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { ClauseConnection } from './clause-connection';
import type { ConnectionSnapshot } from './clause-connection';
import { readPresenceUser } from './presence-user';
import type { PresenceUser } from './presence-user';

/**
 * Keeps a connection open to every document of a clause (its regional text and each variant)
 * while the clause page is open: the tabs switch at once, and "who is in this clause" covers
 * all of them. Documents that disappear are left; new ones are joined. When the server refuses
 * what was written in one (the person may no longer write there), that document starts over
 * from the server's text, so the screen never shows text nobody else has; `discarded` says so.
 */
export function useClauseConnections(
  documentNames: readonly string[],
  user: PresenceUser | null,
): { connections: ReadonlyMap<string, ClauseConnection>; discarded: boolean } {
  const namesKey = documentNames.join('\n');
  const userKey = user ? JSON.stringify(user) : '';
  const open = useRef(new Map<string, ClauseConnection>());
  const [connections, setConnections] = useState<ReadonlyMap<string, ClauseConnection>>(() => new Map());
  const [discarded, setDiscarded] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!userKey) return;
    const me = JSON.parse(userKey) as PresenceUser;
    const names = namesKey ? namesKey.split('\n') : [];
    const current = open.current;
    for (const [name, connection] of current) {
      if (!names.includes(name) || connection.getSnapshot().refused) {
        connection.destroy();
        current.delete(name);
      }
    }
    for (const name of names) if (!current.has(name)) current.set(name, new ClauseConnection(name, me));
    setConnections(new Map(current));
    const offs = [...current.values()].map((connection) =>
      connection.subscribe(() => {
        if (!connection.getSnapshot().refused) return;
        setDiscarded(true);
        setGeneration((g) => g + 1);
      }),
    );
    return () => offs.forEach((off) => off());
  }, [namesKey, userKey, generation]);

  useEffect(
    () => () => {
      for (const connection of open.current.values()) connection.destroy();
      open.current.clear();
    },
    [],
  );

  return { connections, discarded };
}

const disconnected: ConnectionSnapshot = { state: 'connecting', unsent: false, refused: false, closed: false, limit: null };
const noSubscription = () => () => {};

export function useConnectionSnapshot(connection: ClauseConnection | undefined): ConnectionSnapshot {
  return useSyncExternalStore(connection?.subscribe ?? noSubscription, connection?.getSnapshot ?? (() => disconnected));
}

/** One person in the clause now, however many tabs and documents they have open. */
export interface PersonHere {
  user: PresenceUser;
  /** True for the person at this screen. */
  self: boolean;
  /** Documents in which the person has their cursor (is writing or selecting). */
  activeIn: string[];
}

/**
 * Who is in the clause now, from the awareness of all its documents. Several tabs (or several
 * documents) of one person count once; people are sorted by group order, then name.
 */
export function usePeopleHere(connections: ReadonlyMap<string, ClauseConnection>, selfUserId: string | undefined, groupOrder: readonly string[]): PersonHere[] {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const offs = [...connections.values()].map((c) => {
      c.provider.awareness.on('change', bump);
      return () => c.provider.awareness.off('change', bump);
    });
    bump();
    return () => offs.forEach((off) => off());
  }, [connections]);

  return useMemo(() => {
    const people = new Map<string, PersonHere>();
    for (const [name, connection] of connections) {
      for (const state of connection.provider.awareness.getStates().values()) {
        const user = readPresenceUser((state as { user?: unknown }).user);
        if (!user) continue;
        const person = people.get(user.userId) ?? { user, self: user.userId === selfUserId, activeIn: [] };
        if ((state as { cursor?: unknown }).cursor && !person.activeIn.includes(name)) person.activeIn.push(name);
        people.set(user.userId, person);
      }
    }
    const rank = (group: string) => {
      const index = groupOrder.indexOf(group);
      return index < 0 ? groupOrder.length : index;
    };
    return [...people.values()].sort((a, b) => rank(a.user.group) - rank(b.user.group) || a.user.name.localeCompare(b.user.name, 'nl'));
    // `version` changes whenever any awareness changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [connections, selfUserId, groupOrder, version]);
}
