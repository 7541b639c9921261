import { useEffect, useRef } from 'react';
import type { TrajectoryPart } from './events';
import { getSocket } from './socket';
import { TrajectoryRooms } from './trajectory-rooms';

let rooms: TrajectoryRooms | undefined;

function getRooms(): TrajectoryRooms {
  rooms ??= new TrajectoryRooms(getSocket());
  return rooms;
}

/** Watches a trajectory while the component is mounted; `onChange` gets the part that changed. */
export function useTrajectoryChanges(trajectoryId: string | undefined, onChange: (what: TrajectoryPart) => void): void {
  const handler = useRef(onChange);
  handler.current = onChange;
  useEffect(() => {
    if (!trajectoryId) return;
    return getRooms().watch(trajectoryId, ({ what }) => handler.current(what));
  }, [trajectoryId]);
}
