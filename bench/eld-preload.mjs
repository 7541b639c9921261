// Preloaded (node --import) into a server under benchmark, ours and the baseline alike, so both
// are measured the same way without changing either: event-loop delay, on request over IPC.
import { monitorEventLoopDelay } from 'node:perf_hooks';

if (typeof process.send === 'function') {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  process.on('message', (message) => {
    if (message?.type === 'eld-reset') histogram.reset();
    if (message?.type === 'eld-read') {
      const ms = (ns) => Math.round((ns / 1e6) * 100) / 100;
      process.send({ type: 'eld', p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) });
    }
  });
  // The IPC channel must not keep a server alive that is asked to stop.
  process.channel?.unref();
}
