import { useSyncExternalStore } from 'react';

// Whether the app's first screen has been painted: false until the frame after the first
// component asked, then true for good (pages opened later do not wait).
let painted = false;
let scheduled = false;
const listeners = new Set<() => void>();

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  const done = () =>
    setTimeout(() => {
      painted = true;
      listeners.forEach((l) => l()); // one task: React renders every waiting component at once
    }, 0);
  // A frame callback runs just before the paint; a task queued from it runs just after.
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(done);
  else done();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  schedule();
  return () => listeners.delete(listener);
}

/**
 * False until the app's first screen has been painted, then true. Work the first screen does not
 * need (below-the-fold data, a live-update stream) waits for this, so the first paint is not held
 * up by it and the start is made of shorter tasks.
 */
export function useAfterFirstPaint(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => painted,
    () => false,
  );
}

/** Tests: back to "nothing painted yet". */
export function resetFirstPaint(): void {
  painted = false;
  scheduled = false;
}
