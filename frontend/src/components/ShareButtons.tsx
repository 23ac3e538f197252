import { IonButton } from '@ionic/react';
import { useState } from 'react';
import { useT } from '@/lib/i18n';

/**
 * Share a link: the phone's share sheet (Web Share API) where there is one, and always copy-link,
 * Messenger and Facebook, which is how links travel in the Philippines.
 */
export function ShareButtons({ url, text }: { url: string; text: string }) {
  const t = useT();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  const share = async () => {
    try {
      await navigator.share({ url, text });
    } catch {
      // dismissed: nothing to do
    }
  };
  const encoded = encodeURIComponent(url);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-2">
        <input
          className="pm-input flex-1"
          readOnly
          value={url}
          aria-label={t('social.shareLink')}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="share-url"
        />
      </div>
      <div className="flex flex-wrap gap-2">
        {canShare && (
          <IonButton size="small" onClick={() => void share()}>
            {t('social.share')}
          </IonButton>
        )}
        <IonButton size="small" fill="outline" onClick={() => void copy()}>
          {copied === 'yes' ? t('social.copied') : t('social.copyLink')}
        </IonButton>
        <IonButton size="small" fill="outline" href={`fb-messenger://share/?link=${encoded}`}>
          Messenger
        </IonButton>
        <IonButton
          size="small"
          fill="outline"
          href={`https://www.facebook.com/sharer/sharer.php?u=${encoded}`}
          target="_blank"
          rel="noopener noreferrer"
        >
          Facebook
        </IonButton>
      </div>
      {copied === 'failed' && (
        <p className="text-xs text-zinc-500" role="status">
          {t('social.copyFailed')}
        </p>
      )}
    </div>
  );
}
