import type { Ack } from '../../shared/schemas/acknowledgement';
import type { TrajectoryChangedEvent } from '../../shared/schemas/realtime';
import type { SystemPingPayload, SystemPingResult } from '../../shared/schemas/system';
import type { SessionClientEvents, SessionServerEvents } from '../live-table/session-events';

/** The parts of a trajectory that can change; a screen refetches the part it shows. */
export type TrajectoryPart = TrajectoryChangedEvent['what'];
export type TrajectoryChangedPayload = TrajectoryChangedEvent;

export interface TrajectoryRoomPayload {
  trajectoryId: string;
}

// The event map socket.io-client uses to type emit() and on(); payloads come from shared/.
export interface ClientToServerEvents extends SessionClientEvents {
  'system:ping': (payload: SystemPingPayload, ack: (result: Ack<SystemPingResult>) => void) => void;
  'trajectory:join': (payload: TrajectoryRoomPayload, ack: (result: Ack<object>) => void) => void;
  'trajectory:leave': (payload: TrajectoryRoomPayload, ack?: (result: Ack<object>) => void) => void;
}

export interface ServerToClientEvents extends SessionServerEvents {
  'trajectory:changed': (payload: TrajectoryChangedPayload) => void;
  /** The person's notifications changed (their own room): the bell and the centre refetch. */
  'notifications:changed': (payload: object) => void;
}
