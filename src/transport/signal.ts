// One listener per caller's signal, however many calls share it: a thousand concurrent calls
// waiting on one AbortSignal must not add a thousand listeners (Node warns past ten).

const waiting = new WeakMap<AbortSignal, Set<() => void>>();

/** Runs `onAbort` once when `signal` aborts; the returned function stops waiting. */
export function whenAborted(signal: AbortSignal, onAbort: () => void): () => void {
  let callbacks = waiting.get(signal);
  if (!callbacks) {
    const set = new Set<() => void>();
    callbacks = set;
    waiting.set(signal, set);
    signal.addEventListener(
      'abort',
      () => {
        waiting.delete(signal);
        for (const callback of set) callback();
      },
      { once: true },
    );
  }
  callbacks.add(onAbort);
  return () => callbacks.delete(onAbort);
}
