import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANG_KEY } from '@/lib/i18n/lang';
import { envelope, failure, mockFetch } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { PreferencesForm } from './PreferencesForm';

const PREFS = {
  market_resolved: true,
  badge_earned: true,
  new_market: true,
  forecast_reminder: true,
  new_market_categories: [],
  comment_reply: true,
  email_frequency: 'weekly',
  push: false,
};
// A real application server key's shape: 65 bytes, base64url.
const VAPID_KEY =
  'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM';
const ENDPOINT = 'https://fcm.googleapis.com/fcm/send/device-1';

/**
 * The browser's side of Web Push, stubbed at the edge (the app's code runs for real): a service
 * worker registration whose PushManager hands out one subscription, and the Notification permission.
 */
function fakeBrowser(permission: NotificationPermission, grant: NotificationPermission) {
  let subscription: PushSubscription | null = null;
  const unsubscribe = vi.fn(async () => {
    subscription = null;
    return true;
  });
  const subscribe = vi.fn(async (options: PushSubscriptionOptionsInit) => {
    subscription = {
      endpoint: ENDPOINT,
      options,
      unsubscribe,
      toJSON: () => ({
        endpoint: ENDPOINT,
        keys: { p256dh: 'BP256dh-key', auth: 'auth-secret' },
      }),
    } as unknown as PushSubscription;
    return subscription;
  });
  const registration = {
    pushManager: { getSubscription: vi.fn(async () => subscription), subscribe },
  };
  const notification = {
    permission,
    requestPermission: vi.fn(async () => {
      notification.permission = grant;
      return grant;
    }),
  };
  vi.stubGlobal('Notification', notification);
  vi.stubGlobal('PushManager', function PushManager() {});
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    value: { getRegistration: vi.fn(async () => registration) },
  });
  return { subscribe, unsubscribe, notification };
}

function routes(prefs = PREFS) {
  return mockFetch({
    'GET /users/me/notification-preferences': () => ({ body: envelope(prefs) }),
    'PUT /users/me/notification-preferences': (req) => ({ body: envelope(req.body) }),
    'GET /push/vapid-public-key': () => ({ body: envelope({ public_key: VAPID_KEY }) }),
    'POST /push/subscriptions': () => ({ body: envelope({ subscribed: true, devices: 1 }) }),
    'DELETE /push/subscriptions': () => ({ body: envelope({ removed: true }) }),
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'serviceWorker');
  localStorage.removeItem(LANG_KEY);
});

describe('push notifications on this device', () => {
  it('asks permission, subscribes with the VAPID key, posts the subscription, and turns off', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    const browser = fakeBrowser('default', 'granted');
    const { calls } = routes();
    renderWithProviders(<PreferencesForm />);

    const toggle = await screen.findByRole('switch', { name: 'Push notifications on this device' });
    expect(toggle).not.toBeChecked();
    await userEvent.click(toggle);

    await waitFor(() => expect(toggle).toBeChecked());
    expect(browser.notification.requestPermission).toHaveBeenCalled();
    const options = browser.subscribe.mock.calls[0][0];
    expect(options.userVisibleOnly).toBe(true);
    expect(new Uint8Array(options.applicationServerKey as ArrayBuffer)).toHaveLength(65);
    const posted = calls.find((c) => c.method === 'POST' && c.path === '/push/subscriptions');
    expect(posted?.body).toEqual({
      endpoint: ENDPOINT,
      keys: { p256dh: 'BP256dh-key', auth: 'auth-secret' },
    });
    // The account's push channel was off: turning a device on turns it on.
    await waitFor(() =>
      expect(
        calls.some(
          (c) =>
            c.method === 'PUT' && (c.body as Record<string, unknown> | undefined)?.push === true,
        ),
      ).toBe(true),
    );

    await userEvent.click(toggle);
    await waitFor(() => expect(toggle).not.toBeChecked());
    expect(browser.unsubscribe).toHaveBeenCalled();
    const deleted = calls.find((c) => c.method === 'DELETE' && c.path === '/push/subscriptions');
    expect(deleted?.query.get('endpoint')).toBe(ENDPOINT);
  });

  it('says so when the user blocks notifications, and subscribes nothing', async () => {
    localStorage.setItem(LANG_KEY, 'fil');
    const browser = fakeBrowser('default', 'denied');
    const { calls } = routes();
    renderWithProviders(<PreferencesForm />);

    const toggle = await screen.findByRole('switch', {
      name: 'Push notifications sa device na ito',
    });
    await userEvent.click(toggle);

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Naka-block ang notifications para sa site na ito.',
    );
    expect(toggle).not.toBeChecked();
    expect(browser.subscribe).not.toHaveBeenCalled();
    expect(calls.some((c) => c.path === '/push/subscriptions')).toBe(false);
  });

  it('shows an error when the server refuses the subscription', async () => {
    fakeBrowser('granted', 'granted');
    mockFetch({
      'GET /users/me/notification-preferences': () => ({
        body: envelope({ ...PREFS, push: true }),
      }),
      'GET /push/vapid-public-key': () => ({ body: envelope({ public_key: VAPID_KEY }) }),
      'POST /push/subscriptions': () => ({
        status: 400,
        body: failure('VALIDATION_FAILED', 'must be an https URL', 'endpoint'),
      }),
    });
    renderWithProviders(<PreferencesForm />);
    const toggle = await screen.findByRole('switch', { name: 'Push notifications on this device' });
    await userEvent.click(toggle);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Could not change push notifications.',
    );
    expect(toggle).not.toBeChecked();
  });

  it('is hidden where the browser has no PushManager', async () => {
    routes();
    renderWithProviders(<PreferencesForm />);
    expect(await screen.findByText('Weekly digest')).toBeInTheDocument();
    expect(screen.queryByText('Push notifications on this device')).not.toBeInTheDocument();
  });
});
