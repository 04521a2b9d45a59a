// Keeps a long `apply` within a steady memory footprint. Each request through fetch leaves garbage
// that outlives a young-generation collection, and V8 collects the old generation only once it has
// grown several times over: the bare client sending 10,000 creates peaks at 137 MB RSS on its own,
// with 20 MB live. This collects when the heap has doubled over what the last collection kept
// (and passed a floor), so that the peak follows what is live, not what was thrown away.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Starts watching the heap; returns the function that stops it. Does nothing where gc cannot be had. */
export function keepHeapDown({ floorBytes = 48e6, everyMs = 50 } = {}): () => void {
  let collect: (() => void) | undefined;
  try {
    // The documented way to reach gc() without --expose-gc on the command line.
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  } catch {
    return () => {};
  }
  let threshold = floorBytes;
  const timer = setInterval(() => {
    if (process.memoryUsage().heapUsed < threshold) return;
    collect?.();
    threshold = Math.max(floorBytes, 2 * process.memoryUsage().heapUsed);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
