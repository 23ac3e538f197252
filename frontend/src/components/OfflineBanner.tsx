import { useEffect, useState, useSyncExternalStore } from 'react';
import { formatRelative } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { getOfflineState, subscribeOffline } from '@/lib/offline';

/**
 * "You're offline — showing data from 5 minutes ago": shown under the page header while the
 * browser is offline or the data on screen came from the service worker's store. It goes as soon
 * as the network answers again.
 */
export function OfflineBanner() {
  const { t, lang } = useI18n();
  const { offline, cachedAt } = useSyncExternalStore(
    subscribeOffline,
    getOfflineState,
    getOfflineState,
  );
  const [now, setNow] = useState(() => Date.now());
  const shown = offline || cachedAt !== null;
  useEffect(() => {
    if (!shown) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [shown, cachedAt]);
  if (!shown) return null;
  // At least "1 minute ago": "showing data from now" would not read as stored data.
  const age =
    cachedAt === null
      ? null
      : formatRelative(cachedAt, new Date(Math.max(now, cachedAt + 60_000)), lang);
  return (
    <div
      role="status"
      data-testid="offline-banner"
      className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-center text-sm font-medium text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      {age ? t('offline.showingFrom', { age }) : t('offline.noConnection')}
    </div>
  );
}
