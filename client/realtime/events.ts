import type { Ack } from '../../shared/schemas/acknowledgement';
import type { SystemPingPayload, SystemPingResult } from '../../shared/schemas/system';

// The event map socket.io-client uses to type emit() and on(); payloads come from shared/.
export interface ClientToServerEvents {
  'system:ping': (payload: SystemPingPayload, ack: (result: Ack<SystemPingResult>) => void) => void;
}

// The server pushes no events yet; screens add theirs here.
export interface ServerToClientEvents {}
