import type { ClientEventAck, ClientEventName, ClientEventPayload } from '../../shared/api/socket-contract';
import type { TrajectoryChangedEvent } from '../../shared/schemas/realtime';

// Socket.io's event maps, derived from the socket contract (shared/api/socket-contract.ts): every
// emit and every listener of the app is typed by it. Types only, so no schema enters the bundle.
export type { ClientToServerEvents, ServerToClientEvents, ClientEventName } from '../../shared/api/socket-contract';

/** What a client sends with event `E`. */
export type PayloadOf<E extends ClientEventName> = ClientEventPayload<E>;
/** What a successful acknowledgement of `E` carries (without `ok`). */
export type AckResult<E extends ClientEventName> = ClientEventAck<E>;

/** The parts of a trajectory that can change; a screen refetches the part it shows. */
export type TrajectoryPart = TrajectoryChangedEvent['what'];
export type TrajectoryChangedPayload = TrajectoryChangedEvent;
