import { useEffect, useState } from 'react';

/**
 * False in the first render, true once the browser has painted it. Work a page does not need for
 * its first screen (below-the-fold data, a live-update stream) waits for this, so the first paint
 * is not held up by it and the page's start is made of shorter tasks.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame callback runs just before the paint; a task queued from it runs just after.
    const frame =
      typeof requestAnimationFrame === 'function'
        ? requestAnimationFrame(() => (timer = setTimeout(() => setPainted(true), 0)))
        : undefined;
    if (frame === undefined) timer = setTimeout(() => setPainted(true), 0);
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [painted]);
  return painted;
}
