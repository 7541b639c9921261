import type { Ack } from '../../shared/schemas/acknowledgement';
import type { SystemPingPayload, SystemPingResult } from '../../shared/schemas/system';

/** The parts of a trajectory that can change; a screen refetches the part it shows. */
export type TrajectoryPart = 'trajectory' | 'topics' | 'members' | 'invitations' | 'audit';

export interface TrajectoryRoomPayload {
  trajectoryId: string;
}

export interface TrajectoryChangedPayload {
  trajectoryId: string;
  what: TrajectoryPart;
}

// The event map socket.io-client uses to type emit() and on(); payloads come from shared/.
export interface ClientToServerEvents {
  'system:ping': (payload: SystemPingPayload, ack: (result: Ack<SystemPingResult>) => void) => void;
  'trajectory:join': (payload: TrajectoryRoomPayload, ack: (result: Ack<object>) => void) => void;
  'trajectory:leave': (payload: TrajectoryRoomPayload, ack?: (result: Ack<object>) => void) => void;
}

export interface ServerToClientEvents {
  'trajectory:changed': (payload: TrajectoryChangedPayload) => void;
}
