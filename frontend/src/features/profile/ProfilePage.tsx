import { IonButton, IonIcon } from '@ionic/react';
import { cardOutline, notificationsOutline, shieldCheckmarkOutline } from 'ionicons/icons';
import { PageBody, Section } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { SettingsControls } from '@/components/SettingsControls';
import { ListSkeleton } from '@/components/States';
import { Tag } from '@/components/Tag';
import { badgeName, isStaff, type CurrentUser } from '@/lib/api-types';
import { formatChips, formatDate, formatNumber, formatPercent, formatPeso } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useLogout, useSession } from '@/lib/session';
import { useUserStats } from './api/get-user-stats';

export function ProfilePage() {
  const t = useT();
  const { user, isLoading } = useSession();
  return (
    <>
      <PageHeader title={t('profile.title')} />
      <PageBody>
        {isLoading ? (
          <ListSkeleton count={2} />
        ) : user ? (
          <LoggedIn user={user} />
        ) : (
          <Section>
            <h1 className="text-xl font-bold">{t('profile.loggedOutTitle')}</h1>
            <p className="mt-1 mb-4 text-sm text-zinc-500 dark:text-zinc-400">
              {t('profile.loggedOutBody')}
            </p>
            <div className="flex flex-col gap-2 sm:flex-row">
              <IonButton routerLink="/login" className="flex-1">
                {t('auth.login')}
              </IonButton>
              <IonButton routerLink="/register" fill="outline" className="flex-1">
                {t('auth.register')}
              </IonButton>
            </div>
          </Section>
        )}
        <Section title={t('profile.settings')}>
          <SettingsControls />
        </Section>
        <p className="px-2 text-center text-xs text-zinc-500">{t('app.playMoney')}</p>
      </PageBody>
    </>
  );
}

function LoggedIn({ user }: { user: CurrentUser }) {
  const t = useT();
  const logout = useLogout();
  const stats = useUserStats(user.id);
  return (
    <>
      <Section>
        <div className="flex items-center gap-3">
          <div
            className="flex h-14 w-14 shrink-0 items-center justify-center rounded-full bg-blue-600 text-xl font-bold text-white"
            aria-hidden="true"
          >
            {user.display_name.slice(0, 1).toUpperCase()}
          </div>
          <div className="min-w-0">
            <h1 className="truncate text-xl font-bold">{user.display_name}</h1>
            <p className="truncate text-sm text-zinc-500">{user.email}</p>
            <p className="text-xs text-zinc-500">
              {t('profile.memberSince', { date: formatDate(user.created_at) })}
              {user.role !== 'user' && <> · {t('profile.role', { role: user.role })}</>}
            </p>
          </div>
        </div>
        <dl className="mt-4 grid grid-cols-2 gap-3">
          <div className="rounded-xl bg-zinc-50 p-3 dark:bg-zinc-900">
            <dt className="text-xs text-zinc-500">{t('profile.chips')}</dt>
            <dd className="m-0 font-semibold" data-testid="profile-chips">
              {formatChips(user.chips)}
            </dd>
          </div>
          <div className="rounded-xl bg-zinc-50 p-3 dark:bg-zinc-900">
            <dt className="text-xs text-zinc-500">{t('profile.reputation')}</dt>
            <dd className="m-0 font-semibold">{formatNumber(user.reputation)}</dd>
          </div>
          {stats.data && (
            <>
              <div className="rounded-xl bg-zinc-50 p-3 dark:bg-zinc-900">
                <dt className="text-xs text-zinc-500">{t('profile.accuracy')}</dt>
                <dd className="m-0 font-semibold">
                  {stats.data.accuracy == null ? '–' : formatPercent(stats.data.accuracy)}
                </dd>
              </div>
              <div className="rounded-xl bg-zinc-50 p-3 dark:bg-zinc-900">
                <dt className="text-xs text-zinc-500">{t('profile.profit')}</dt>
                <dd
                  className={`m-0 font-semibold ${stats.data.profit >= 0 ? 'text-green-600' : 'text-red-600'}`}
                >
                  {formatPeso(stats.data.profit)}
                </dd>
              </div>
            </>
          )}
        </dl>
      </Section>

      <Section title={t('profile.badges')}>
        {user.badges.length === 0 ? (
          <p className="text-sm text-zinc-500">{t('profile.noBadges')}</p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {user.badges.map((b) => (
              <li key={badgeName(b)}>
                <Tag tone="amber">🏅 {badgeName(b).replace(/_/g, ' ')}</Tag>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section>
        <div className="flex flex-col gap-2">
          <IonButton routerLink="/wallet" expand="block">
            <IonIcon slot="start" icon={cardOutline} aria-hidden="true" />
            {t('profile.buyChips')}
          </IonButton>
          <IonButton routerLink="/notifications" expand="block" fill="outline">
            <IonIcon slot="start" icon={notificationsOutline} aria-hidden="true" />
            {t('profile.notifications')}
          </IonButton>
          {isStaff(user) && (
            <IonButton routerLink="/admin" expand="block" fill="outline">
              <IonIcon slot="start" icon={shieldCheckmarkOutline} aria-hidden="true" />
              {t('profile.admin')}
            </IonButton>
          )}
          <IonButton
            expand="block"
            fill="clear"
            color="danger"
            disabled={logout.isPending}
            onClick={() => logout.mutate()}
          >
            {t('auth.logout')}
          </IonButton>
        </div>
      </Section>
    </>
  );
}
