import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SESSION_HINT_KEY } from '@/lib/session-flag';
import { envelope, mockFetch } from '@/testing/fetch-mock';
import { aUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { PushKeyRenewal } from '../components/PushKeyRenewal';
import { keyBytes, madeWithKey, renewIfKeyChanged, subscribeThisDevice } from './push';

// Two real application server keys' shape: 65 bytes, base64url. OLD_KEY is the one the server had
// before its VAPID keys were changed.
const KEY =
  'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM';
const OLD_KEY =
  'BOLDdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM';
const OLD_ENDPOINT = 'https://fcm.googleapis.com/fcm/send/old-device-subscription';
const NEW_ENDPOINT = 'https://fcm.googleapis.com/fcm/send/new-device-subscription';

function subscription(endpoint: string, key: string | null, unsubscribe = vi.fn(async () => true)) {
  return {
    endpoint,
    options: { userVisibleOnly: true, applicationServerKey: key ? keyBytes(key).buffer : null },
    unsubscribe,
    toJSON: () => ({ endpoint, keys: { p256dh: `p256dh-of-${endpoint}`, auth: 'auth' } }),
  } as unknown as PushSubscription;
}

/** The browser's side, stubbed at the edge: a service worker whose PushManager holds `held`. */
function fakeBrowser(
  held: PushSubscription | null,
  permission: NotificationPermission = 'granted',
) {
  let current = held;
  const subscribe = vi.fn(async (options: PushSubscriptionOptionsInit) => {
    const bytes = new Uint8Array(options.applicationServerKey as ArrayBuffer);
    current = subscription(NEW_ENDPOINT, null);
    Object.assign(current.options, { applicationServerKey: bytes.buffer });
    return current;
  });
  const registration = {
    pushManager: { getSubscription: vi.fn(async () => current), subscribe },
  };
  vi.stubGlobal('Notification', {
    permission,
    requestPermission: vi.fn(async () => permission),
  });
  vi.stubGlobal('PushManager', function PushManager() {});
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    value: { getRegistration: vi.fn(async () => registration) },
  });
  return { subscribe };
}

function server() {
  return mockFetch({
    'GET /users/me': () => ({ body: envelope(aUser()) }),
    'GET /push/vapid-public-key': () => ({ body: envelope({ public_key: KEY }) }),
    'POST /push/subscriptions': () => ({ body: envelope({ subscribed: true, devices: 1 }) }),
    'DELETE /push/subscriptions': () => ({ body: envelope({ removed: true }) }),
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'serviceWorker');
});

describe('a push subscription made with an earlier VAPID key', () => {
  it('is recognised by the key it was made with', () => {
    expect(madeWithKey(subscription(OLD_ENDPOINT, KEY), keyBytes(KEY))).toBe(true);
    expect(madeWithKey(subscription(OLD_ENDPOINT, OLD_KEY), keyBytes(KEY))).toBe(false);
    // A browser that does not report the key is taken at its word.
    expect(madeWithKey(subscription(OLD_ENDPOINT, null), keyBytes(KEY))).toBe(true);
  });

  it('is replaced when the user opens the app: new subscription stored, old one removed', async () => {
    const unsubscribe = vi.fn(async () => true);
    const browser = fakeBrowser(subscription(OLD_ENDPOINT, OLD_KEY, unsubscribe));
    const { calls } = server();

    expect(await renewIfKeyChanged()).toBe('renewed');

    expect(unsubscribe).toHaveBeenCalled();
    const options = browser.subscribe.mock.calls[0][0];
    expect(new Uint8Array(options.applicationServerKey as ArrayBuffer)).toEqual(keyBytes(KEY));
    const deleted = calls.find((c) => c.method === 'DELETE');
    expect(deleted?.query.get('endpoint')).toBe(OLD_ENDPOINT);
    const posted = calls.find((c) => c.method === 'POST');
    expect(posted?.body).toEqual({
      endpoint: NEW_ENDPOINT,
      keys: { p256dh: `p256dh-of-${NEW_ENDPOINT}`, auth: 'auth' },
    });
  });

  it('is left alone when it was made with the current key, or there is none', async () => {
    const unsubscribe = vi.fn(async () => true);
    const browser = fakeBrowser(subscription(OLD_ENDPOINT, KEY, unsubscribe));
    const { calls } = server();

    expect(await renewIfKeyChanged()).toBe('current');
    expect(unsubscribe).not.toHaveBeenCalled();
    expect(browser.subscribe).not.toHaveBeenCalled();
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);

    fakeBrowser(null);
    expect(await renewIfKeyChanged()).toBe('none');
  });

  it('is not touched without notification permission', async () => {
    const browser = fakeBrowser(subscription(OLD_ENDPOINT, OLD_KEY), 'denied');
    const { calls } = server();

    expect(await renewIfKeyChanged()).toBe('none');
    expect(browser.subscribe).not.toHaveBeenCalled();
    expect(calls).toEqual([]);
  });

  it('is not reused when the user turns push on: the device subscribes with the current key', async () => {
    const unsubscribe = vi.fn(async () => true);
    const browser = fakeBrowser(subscription(OLD_ENDPOINT, OLD_KEY, unsubscribe));
    const { calls } = server();

    expect(await subscribeThisDevice()).toBe('subscribed');

    expect(unsubscribe).toHaveBeenCalled();
    expect(browser.subscribe).toHaveBeenCalledTimes(1);
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ endpoint: NEW_ENDPOINT });
  });

  it('made with the current key is reused when the user turns push on', async () => {
    const browser = fakeBrowser(subscription(OLD_ENDPOINT, KEY));
    const { calls } = server();

    expect(await subscribeThisDevice()).toBe('subscribed');

    expect(browser.subscribe).not.toHaveBeenCalled();
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ endpoint: OLD_ENDPOINT });
  });
});

describe('PushKeyRenewal', () => {
  it('renews a stale subscription once a signed-in user opens the app', async () => {
    fakeBrowser(subscription(OLD_ENDPOINT, OLD_KEY));
    const { calls } = server();

    renderWithProviders(<PushKeyRenewal />);

    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
        endpoint: NEW_ENDPOINT,
      }),
    );
  });

  it('does nothing for a visitor', async () => {
    localStorage.removeItem(SESSION_HINT_KEY);
    const browser = fakeBrowser(subscription(OLD_ENDPOINT, OLD_KEY));
    const { calls } = server();

    renderWithProviders(<PushKeyRenewal />);

    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(browser.subscribe).not.toHaveBeenCalled();
    expect(calls).toEqual([]);
  });
});
