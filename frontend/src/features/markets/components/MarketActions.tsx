import { IonButton, IonIcon } from '@ionic/react';
import { eye, eyeOutline, shareSocialOutline } from 'ionicons/icons';
import { useState } from 'react';
import type { MarketDetail } from '@/lib/api-types';
import { useI18n } from '@/lib/i18n';
import { useSession } from '@/lib/session';
import { useWatchMarket } from '../api/watch-market';

/** Watch (or log in to watch) and Share, under the market's title. */
export function MarketActions({ market }: { market: MarketDetail }) {
  const { t } = useI18n();
  const { isLoggedIn } = useSession();
  // The server's answer (market.watching), overridden only while a toggle is on its way.
  const [toggling, setToggling] = useState<boolean | null>(null);
  const watching = toggling ?? market.watching;
  const [copied, setCopied] = useState(false);
  const watch = useWatchMarket(market.id);

  const share = async () => {
    const url = `${window.location.origin}/markets/${market.slug || market.id}`;
    try {
      if (navigator.share) {
        await navigator.share({ title: market.title, url });
        return;
      }
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // the user cancelled sharing
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      {isLoggedIn ? (
        <IonButton
          size="small"
          fill={watching ? 'solid' : 'outline'}
          disabled={watch.isPending}
          aria-pressed={watching}
          onClick={() => {
            const next = !watching;
            setToggling(next);
            watch.mutate(next, { onSettled: () => setToggling(null) });
          }}
        >
          <IonIcon slot="start" icon={watching ? eye : eyeOutline} aria-hidden="true" />
          {watching ? t('market.unwatch') : t('market.watch')}
        </IonButton>
      ) : (
        <IonButton
          size="small"
          fill="outline"
          routerLink="/login"
          aria-label={t('market.watchLogin')}
        >
          <IonIcon slot="start" icon={eyeOutline} aria-hidden="true" />
          {t('market.watch')}
        </IonButton>
      )}
      <IonButton size="small" fill="outline" onClick={() => void share()}>
        <IonIcon slot="start" icon={shareSocialOutline} aria-hidden="true" />
        {t('market.share')}
      </IonButton>
      {copied && (
        <span role="status" className="text-xs text-green-700 dark:text-green-400">
          {t('market.linkCopied')}
        </span>
      )}
    </div>
  );
}
