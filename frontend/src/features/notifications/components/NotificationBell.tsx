import { IonBadge, IonButton, IonIcon } from '@ionic/react';
import { notificationsOutline } from 'ionicons/icons';
import { useT } from '@/lib/i18n';
import { useSession } from '@/lib/session';
import { useUnreadCount } from '../api/get-unread-count';
import { useNotificationStream } from '../api/use-notification-stream';

export function NotificationBell() {
  const t = useT();
  const { isLoggedIn } = useSession();
  const unread = useUnreadCount(isLoggedIn);
  useNotificationStream(isLoggedIn);
  const count = unread.data?.count ?? 0;
  if (!isLoggedIn) return null;
  return (
    <IonButton
      routerLink="/notifications"
      fill="clear"
      size="small"
      aria-label={t('notif.open', { count })}
      className="relative"
    >
      <IonIcon slot="icon-only" icon={notificationsOutline} aria-hidden="true" />
      {count > 0 && (
        <IonBadge color="danger" className="absolute top-0 right-0 text-[10px]" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </IonBadge>
      )}
    </IonButton>
  );
}
