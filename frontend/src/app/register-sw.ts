/** The service worker only runs in production builds: in dev it would cache Vite's modules. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // offline support is optional
    });
  };
  // The app starts after its code has loaded, often after the window's load event: a listener
  // added then would never run, and the app shell would never be cached.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
