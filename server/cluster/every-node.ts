import type { Server } from 'socket.io';
import type { Logger } from '../logger';

/**
 * Makes `handler` run on every node: called here, and sent to the other nodes as a Socket.io
 * server-side event (over the Redis adapter). The returned function resolves once this node and
 * every other node have run it, or once the adapter stops waiting for a node (about 5 s).
 * On a single node (no adapter between nodes) it is just the handler.
 */
export function onEveryNode<A>(io: Server, clustered: boolean, event: string, handler: (arg: A) => Promise<void>, log: Logger): (arg: A) => Promise<void> {
  if (!clustered) return handler;
  io.on(event, (arg: A, ack?: () => void) => {
    handler(arg)
      .catch((error: unknown) => log.warn({ event, err: String(error) }, 'handling an event from another node failed'))
      .finally(() => ack?.());
  });
  return async (arg) => {
    const others = new Promise<void>((resolve) => {
      io.serverSideEmit(event, arg, (error: Error | null) => {
        if (error) log.warn({ event, err: error.message }, 'not every node answered in time');
        resolve();
      });
    });
    await Promise.all([handler(arg), others]);
  };
}
