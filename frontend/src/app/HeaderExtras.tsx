import { IonButton } from '@ionic/react';
import { NotificationBell } from '@/features/notifications/components/NotificationBell';
import { formatChips } from '@/lib/format';
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
        aria-label={t('common.balanceAria', { amount: formatChips(user.chips) })}
        data-testid="chip-balance"
      >
        {/* Chips, not pesos: "1,700 chips (₱1,700)" where there is room (DESIGN.md), just
            "1,700 chips" on a phone, where the title needs the width. */}
        <span className="font-semibold tabular-nums text-green-700 normal-case dark:text-green-400">
          <span className="sm:hidden" data-testid="chip-balance-compact">
            {t('common.chipsCount', { count: user.chips })}
          </span>
          <span className="hidden sm:inline" data-testid="chip-balance-full">
            {formatChips(user.chips)}
          </span>
        </span>
      </IonButton>
      <NotificationBell />
    </>
  );
}
