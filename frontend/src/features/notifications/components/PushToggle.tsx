import { useEffect, useState } from 'react';
import { useT } from '@/lib/i18n';
import {
  currentSubscription,
  pushSupported,
  registration,
  subscribeThisDevice,
  unsubscribeThisDevice,
} from '../api/push';
import type { NotificationPreferences } from '../api/preferences';

type State = 'unknown' | 'unsupported' | 'on' | 'off';

/**
 * "Push notifications on this device": turning it on asks the browser for permission, subscribes
 * with the server's VAPID key and posts the subscription (and turns the account's push channel on
 * if it was off); turning it off unsubscribes and deletes it. Hidden where the browser has no
 * PushManager or no service worker runs (development builds).
 */
export function PushToggle({
  preferences,
  onEnablePush,
}: {
  preferences: NotificationPreferences;
  onEnablePush: () => void;
}) {
  const t = useT();
  const [state, setState] = useState<State>(pushSupported() ? 'unknown' : 'unsupported');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<'push.denied' | 'push.failed' | null>(null);

  useEffect(() => {
    if (!pushSupported()) return;
    let live = true;
    (async () => {
      const reg = await registration();
      if (!reg) return live && setState('unsupported');
      const sub = await currentSubscription();
      if (live) setState(sub && Notification.permission === 'granted' ? 'on' : 'off');
    })().catch(() => live && setState('unsupported'));
    return () => {
      live = false;
    };
  }, []);

  if (state === 'unknown' || state === 'unsupported') return null;
  const denied = Notification.permission === 'denied';

  const change = async (on: boolean) => {
    setBusy(true);
    setMessage(null);
    try {
      if (on) {
        const result = await subscribeThisDevice();
        if (result === 'denied') {
          setMessage('push.denied');
          return;
        }
        if (!preferences.push) onEnablePush();
        setState('on');
      } else {
        await unsubscribeThisDevice();
        setState('off');
      }
    } catch {
      setMessage('push.failed');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="mt-4">
      <label className="flex cursor-pointer items-center justify-between gap-3 text-sm">
        <span>{t('push.device')}</span>
        <input
          type="checkbox"
          role="switch"
          className="h-5 w-5 accent-blue-600"
          checked={state === 'on'}
          disabled={busy || (denied && state !== 'on')}
          onChange={(e) => void change(e.target.checked)}
        />
      </label>
      <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{t('push.hint')}</p>
      {(message || (denied && state !== 'on')) && (
        <p role="status" className="mt-1 text-xs text-red-600 dark:text-red-400">
          {t(message ?? 'push.denied')}
        </p>
      )}
    </div>
  );
}
