import { api, apiRequest } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';

export type PushVapidKey = Schemas['PushVapidKey'];
export type PushSubscriptionRequest = Schemas['PushSubscriptionRequest'];
export type PushSubscribed = Schemas['PushSubscribed'];
export type PushUnsubscribed = Schemas['PushUnsubscribed'];

/** GET /push/vapid-public-key: the server's key for PushManager.subscribe (404 when push is off). */
export const getVapidKey = () => api.get<PushVapidKey>('/push/vapid-public-key');

/** POST /push/subscriptions */
export const postSubscription = (s: PushSubscriptionRequest) =>
  api.post<PushSubscribed>('/push/subscriptions', s);

/** DELETE /push/subscriptions?endpoint= */
export const deleteSubscription = (endpoint: string) =>
  apiRequest<PushUnsubscribed>('/push/subscriptions', {
    method: 'DELETE',
    query: { endpoint },
  }).then((r) => r.data);

/** True where this browser can receive Web Push (a service worker, PushManager, Notification). */
export function pushSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    'serviceWorker' in navigator &&
    'PushManager' in window &&
    'Notification' in window
  );
}

/** The base64url application server key as the bytes PushManager.subscribe wants. */
export function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const padded = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(padded + '='.repeat((4 - (padded.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** The service worker registration (none in development builds, where the worker is not registered). */
export async function registration(): Promise<ServiceWorkerRegistration | undefined> {
  return navigator.serviceWorker.getRegistration();
}

/** This browser's current push subscription, if any. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  const reg = await registration();
  return reg ? reg.pushManager.getSubscription() : null;
}

/**
 * Asks for permission, subscribes this browser with the server's VAPID key and stores the
 * subscription on the server. Returns 'denied' when the user (or the browser) refused.
 */
export async function subscribeThisDevice(): Promise<'subscribed' | 'denied'> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return 'denied';
  const reg = await registration();
  if (!reg) throw new Error('no service worker');
  const { public_key } = await getVapidKey();
  const existing = await reg.pushManager.getSubscription();
  const subscription =
    existing ??
    (await reg.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: keyBytes(public_key),
    }));
  const json = subscription.toJSON();
  await postSubscription({
    endpoint: subscription.endpoint,
    keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
  });
  return 'subscribed';
}

/** Unsubscribes this browser and removes its subscription from the server. */
export async function unsubscribeThisDevice(): Promise<void> {
  const subscription = await currentSubscription();
  if (!subscription) return;
  const endpoint = subscription.endpoint;
  await subscription.unsubscribe();
  await deleteSubscription(endpoint);
}
