// Keeps a long `apply` within a steady memory footprint. Each request through fetch leaves garbage
// that outlives a young-generation collection, and V8 collects the old generation only once it has
// grown several times over: the bare client sending 10,000 creates peaks at 137 MB RSS on its own,
// with 20 MB live. This collects when the heap has doubled over what the last collection kept
// (and passed a floor), so that the peak follows what is live, not what was thrown away.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The heap watch: `collect()` now (after a large synchronous step), `stop()` at the end. */
export interface HeapWatch {
  collect(): void;
  stop(): void;
}

/** Starts watching the heap. Does nothing where gc cannot be had. */
export function keepHeapDown({ floorBytes = 24e6, growth = 1.25, everyMs = 25 } = {}): HeapWatch {
  let gc: (() => void) | undefined;
  try {
    // Reaches gc() without --expose-gc on the command line (a flag set before the first use).
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  } catch {
    return { collect() {}, stop() {} };
  }
  let threshold = floorBytes;
  const collect = () => {
    gc?.();
    threshold = Math.max(floorBytes, growth * process.memoryUsage().heapUsed);
  };
  const timer = setInterval(() => {
    if (process.memoryUsage().heapUsed >= threshold) collect();
  }, everyMs);
  timer.unref();
  return { collect, stop: () => clearInterval(timer) };
}
