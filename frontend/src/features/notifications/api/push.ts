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
 * Whether `subscription` was made with this application server key. Push services refuse pushes
 * signed with another key, so a subscription made before the server's VAPID keys changed can no
 * longer receive any. A browser that does not report the key it used is taken at its word.
 */
export function madeWithKey(subscription: PushSubscription, key: Uint8Array): boolean {
  const used = subscription.options?.applicationServerKey;
  if (!used) return true;
  const bytes = new Uint8Array(used);
  return bytes.length === key.length && bytes.every((b, i) => b === key[i]);
}

/** Subscribes with `key` and stores the subscription on the server. */
async function subscribeWith(reg: ServiceWorkerRegistration, key: Uint8Array<ArrayBuffer>) {
  const subscription = await reg.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: key,
  });
  await store(subscription);
}

async function store(subscription: PushSubscription) {
  const json = subscription.toJSON();
  await postSubscription({
    endpoint: subscription.endpoint,
    keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
  });
}

/**
 * Drops a subscription made with an earlier key: unsubscribed in the browser and removed from the
 * server (which could no longer push to it; a failure to remove it is left to the push service's
 * answer, which makes the server drop it).
 */
async function dropStale(subscription: PushSubscription) {
  const endpoint = subscription.endpoint;
  await subscription.unsubscribe();
  await deleteSubscription(endpoint).catch(() => undefined);
}

/**
 * Asks for permission, subscribes this browser with the server's VAPID key and stores the
 * subscription on the server. Returns 'denied' when the user (or the browser) refused. A
 * subscription this browser already holds is reused, unless it was made with another key.
 */
export async function subscribeThisDevice(): Promise<'subscribed' | 'denied'> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return 'denied';
  const reg = await registration();
  if (!reg) throw new Error('no service worker');
  const key = keyBytes((await getVapidKey()).public_key);
  const existing = await reg.pushManager.getSubscription();
  if (existing && madeWithKey(existing, key)) {
    await store(existing);
  } else {
    if (existing) await dropStale(existing);
    await subscribeWith(reg, key);
  }
  return 'subscribed';
}

/**
 * Run when a signed-in user opens the app: where this browser holds a push subscription made with
 * an earlier VAPID key (the server's keys were changed), it is replaced by one made with the current
 * key, so the device keeps receiving pushes without the user turning the switch off and on. Nothing
 * happens without a subscription, without notification permission, or when push is off on the server.
 */
export async function renewIfKeyChanged(): Promise<'renewed' | 'current' | 'none'> {
  if (!pushSupported() || Notification.permission !== 'granted') return 'none';
  const reg = await registration();
  const existing = reg ? await reg.pushManager.getSubscription() : null;
  if (!reg || !existing) return 'none';
  const key = keyBytes((await getVapidKey()).public_key);
  if (madeWithKey(existing, key)) return 'current';
  await dropStale(existing);
  await subscribeWith(reg, key);
  return 'renewed';
}

/** Unsubscribes this browser and removes its subscription from the server. */
export async function unsubscribeThisDevice(): Promise<void> {
  const subscription = await currentSubscription();
  if (!subscription) return;
  const endpoint = subscription.endpoint;
  await subscription.unsubscribe();
  await deleteSubscription(endpoint);
}
