import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { primedSettled } from '@/lib/primed';
import { App, preloadPage } from './App';
import { startErrorTracking } from './error-tracking';
import { registerServiceWorker } from './register-sw';

/** How long the first render may wait for the first screen's data and page code. */
const FIRST_SCREEN_WAIT_MS = 250;

/**
 * Resolves when the first screen's early request has been answered and its page's code has
 * loaded, or after `maxMs`. Both normally arrive before the app's own (larger) code; waiting for
 * the tail end lets the first render show the page with its data — one render and one paint
 * instead of a spinner, then skeletons, then the data. A slow API or chunk only costs `maxMs`.
 */
export function firstScreenReady(pathname: string, maxMs = FIRST_SCREEN_WAIT_MS): Promise<void> {
  const ready = Promise.all([primedSettled(maxMs), preloadPage(pathname).catch(() => {})]);
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, maxMs));
  return Promise.race([ready.then(() => undefined), timeout]);
}

/** Renders the app; loaded by the entry script once it has started the first screen's request. */
export async function start(container: HTMLElement, pathname: string): Promise<void> {
  await firstScreenReady(pathname);
  const root = createRoot(container);
  startTransition(() =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
  registerServiceWorker();
  // After the first screen: the SDK is only downloaded when the server has a DSN.
  setTimeout(() => void startErrorTracking(), 2_000);
}
