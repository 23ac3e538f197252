import { IonButton, IonIcon } from '@ionic/react';
import {
  cardOutline,
  eyeOutline,
  notificationsOutline,
  shieldCheckmarkOutline,
} from 'ionicons/icons';
import { PageBody, Section } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { SettingsControls } from '@/components/SettingsControls';
import { ListSkeleton } from '@/components/States';
import { isStaff, type CurrentUser } from '@/lib/api-types';
import { formatChips } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useLogout, useSession } from '@/lib/session';
import { useUserStats } from './api/get-user-stats';
import { Calibration } from './components/Calibration';
import { EmailSettings } from './components/EmailSettings';
import { HandleEditor } from './components/HandleEditor';
import { InviteSection } from './components/InviteSection';
import { MyForecasts } from './components/MyForecasts';
import { BadgeList, ProfileHeader } from './components/ProfileHeader';
import { StatsTiles } from './components/StatsTiles';

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
            <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-400">
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
        <p className="px-2 text-center text-xs text-zinc-600 dark:text-zinc-400">
          {t('app.playMoney')}
        </p>
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
        <ProfileHeader
          name={user.display_name}
          subtitle={user.email}
          createdAt={user.created_at}
          bio={user.bio}
          extra={user.role !== 'user' && <> · {t('profile.role', { role: user.role })}</>}
        />
        <HandleEditor handle={user.handle} />
        <StatsTiles
          reputation={user.reputation}
          stats={stats.data}
          chips={formatChips(user.chips)}
        />
        <IonButton
          routerLink={`/u/${user.handle}`}
          fill="clear"
          size="small"
          className="mt-2 -ml-2"
        >
          {t('profile.viewPublic')}
        </IonButton>
      </Section>

      <InviteSection />

      <MyForecasts />

      {stats.data?.calibration && <Calibration buckets={stats.data.calibration} />}

      <Section title={t('profile.badges')}>
        <BadgeList badges={user.badges} />
      </Section>

      <EmailSettings user={user} />

      <Section>
        <div className="flex flex-col gap-2">
          <IonButton routerLink="/wallet" expand="block">
            <IonIcon slot="start" icon={cardOutline} aria-hidden="true" />
            {t('profile.buyChips')}
          </IonButton>
          <IonButton routerLink="/watchlist" expand="block" fill="outline">
            <IonIcon slot="start" icon={eyeOutline} aria-hidden="true" />
            {t('profile.watchlist')}
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
