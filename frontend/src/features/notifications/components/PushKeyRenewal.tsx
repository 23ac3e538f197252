import { useEffect } from 'react';
import { useSession } from '@/lib/session';
import { renewIfKeyChanged } from '../api/push';

/**
 * Renders nothing: once per signed-in user and page load, replaces this browser's push subscription
 * if it was made with an earlier VAPID key (see renewIfKeyChanged). Failures are silent: the switch
 * in the notification settings still shows the device's state and can subscribe it again.
 */
export function PushKeyRenewal() {
  const { user } = useSession();
  const userId = user?.id;
  useEffect(() => {
    if (!userId) return;
    renewIfKeyChanged().catch(() => undefined);
  }, [userId]);
  return null;
}
