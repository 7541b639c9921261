import type { Services } from '../services';
import { LiveBroadcaster } from './live-state';
import { TallyBroadcaster } from './tally-broadcaster';

/** The live table's two broadcasters: the whole table (`session:state`) and an open poll's tally (`poll:tally`). */
export interface LiveTableBroadcasters {
  state: LiveBroadcaster;
  tally: TallyBroadcaster;
  /** Stops their timers; the server calls it when it closes. */
  stop(): void;
}

/** Built once per services object (server/services.ts), before any operation runs. */
export function createLiveTableBroadcasters(services: Services): LiveTableBroadcasters {
  const state = new LiveBroadcaster(services);
  const tally = new TallyBroadcaster(services);
  return {
    state,
    tally,
    stop() {
      state.stop();
      tally.stop();
    },
  };
}
