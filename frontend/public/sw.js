/*
 * Pilimarket service worker: caches the app shell (index.html with its logo and skeleton, every
 * built asset) and the last answer of the few API reads an offline reload needs — the markets
 * list, a market, its history and the signed-in user — so the app starts offline and shows them
 * with an "offline" banner. Everything else under /api is never cached. See docs/FRONTEND.md.
 */
const CACHE = 'pilimarket-shell-v3';
const DATA_CACHE = 'pilimarket-data-v1';
const SHELL = ['/', '/offline.html', '/manifest.webmanifest', '/icon.svg', '/icon-192.png'];
const NEVER_CACHE = ['/api/', '/sandbox/', '/v3/', '/docs', '/actuator'];
/** API reads kept for offline use: network first, the stored copy when the network fails. */
const OFFLINE_DATA = /^\/api\/v1\/(markets(\/[^/]+(\/history)?)?|users\/me)$/;
/** Tells the app how old a stored answer is (lib/offline.ts reads it). */
const CACHED_AT_HEADER = 'X-Pilimarket-Cached-At';

// The shell plus every hashed asset of the build (listed in asset-list.json at build time), so
// the app, lazy pages included, starts offline.
async function precache() {
  const cache = await caches.open(CACHE);
  await cache.addAll(SHELL);
  try {
    const list = await fetch('/asset-list.json', { cache: 'no-store' });
    if (list.ok) await cache.addAll(await list.json());
  } catch {
    // assets are then cached as they are used
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k !== CACHE && k !== DATA_CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (OFFLINE_DATA.test(url.pathname)) {
    event.respondWith(networkFirstData(event, request));
    return;
  }
  if (NEVER_CACHE.some((p) => url.pathname.startsWith(p))) return;

  // Pages: network first, so a deploy shows up at once; the cached shell or offline page otherwise.
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          const html = (response.headers.get('content-type') || '').includes('text/html');
          if (response.ok && html) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put('/', copy));
          }
          return response;
        })
        .catch(() => caches.match('/').then((cached) => cached || caches.match('/offline.html'))),
    );
    return;
  }

  // Hashed assets never change: cache first.
  if (url.pathname.startsWith('/assets/') || SHELL.includes(url.pathname)) {
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              caches.open(CACHE).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      ),
    );
  }
});

/**
 * The network's answer when there is one (a successful one is stored, stamped with the time it was
 * fetched); the stored copy when the network fails. Keyed by URL alone: the language and cookies
 * of an offline reload are those of the same browser.
 */
async function networkFirstData(event, request) {
  const cache = await caches.open(DATA_CACHE);
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const stored = await cache.match(request.url, { ignoreVary: true });
    if (stored) return stored;
    throw error;
  }
  if (response.ok) {
    const copy = response.clone();
    event.waitUntil(
      copy.blob().then((body) => {
        const headers = new Headers(copy.headers);
        headers.set(CACHED_AT_HEADER, new Date().toISOString());
        return cache.put(
          request.url,
          new Response(body, { status: copy.status, statusText: copy.statusText, headers }),
        );
      }),
    );
  } else if (response.status === 401 || response.status === 403 || response.status === 404) {
    // Logged out, or gone: an old copy must not come back offline.
    event.waitUntil(cache.delete(request.url));
  }
  return response;
}

/**
 * Web Push (docs/ENGAGEMENT.md): the server sends {title, body, url, tag}, already in the user's
 * language. One notification per tag (a market's result replaces its reminder's earlier push).
 */
self.addEventListener('push', (event) => {
  let payload = {};
  try {
    payload = event.data ? event.data.json() : {};
  } catch {
    payload = { body: event.data ? event.data.text() : '' };
  }
  const title = payload.title || 'Pilimarket';
  event.waitUntil(
    self.registration.showNotification(title, {
      body: payload.body || '',
      tag: payload.tag || undefined,
      icon: '/icon-192.png',
      badge: '/icon-192.png',
      data: { url: payload.url || '/notifications' },
    }),
  );
});

/** A tap on the notification: focus a window of the app on its page, or open one. */
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL(
    (event.notification.data && event.notification.data.url) || '/',
    self.location.origin,
  );
  // Only pages of this app are opened.
  const url = target.origin === self.location.origin ? target.href : self.location.origin + '/';
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      for (const client of windows) {
        if (new URL(client.url).origin === self.location.origin && 'focus' in client) {
          return client
            .focus()
            .then((focused) =>
              focused && 'navigate' in focused ? focused.navigate(url) : focused,
            );
        }
      }
      return self.clients.openWindow(url);
    }),
  );
});
