import { IonButton } from '@ionic/react';
import { NotificationBell } from '@/features/notifications/components/NotificationBell';
import { formatPeso } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useSession } from '@/lib/session';

/** Chip balance and notification bell for logged-in users; a login button otherwise. */
export function HeaderExtras() {
  const t = useT();
  const { user, isLoading } = useSession();
  if (isLoading) return null;
  if (!user) {
    return (
      <IonButton routerLink="/login" fill="solid" size="small" color="primary">
        {t('auth.login')}
      </IonButton>
    );
  }
  return (
    <>
      <IonButton
        routerLink="/wallet"
        fill="clear"
        size="small"
        aria-label={t('common.balanceAria', { amount: formatPeso(user.chips) })}
        data-testid="chip-balance"
      >
        <span className="font-semibold tabular-nums text-green-700 dark:text-green-400">
          {formatPeso(user.chips)}
        </span>
      </IonButton>
      <NotificationBell />
    </>
  );
}
