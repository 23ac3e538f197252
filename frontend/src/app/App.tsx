import {
  IonApp,
  IonIcon,
  IonLabel,
  IonRouterOutlet,
  IonTabBar,
  IonTabButton,
  IonTabs,
  setupIonicReact,
} from '@ionic/react';
import { IonReactRouter } from '@ionic/react-router';
import { personCircle, pulse, storefront, trophy } from 'ionicons/icons';
import { Redirect, Route } from 'react-router-dom';
import { MarketsPage } from '@/features/markets/MarketsPage';
import { useT } from '@/lib/i18n';
import { HeaderExtrasContext } from '@/lib/layout';
import { HeaderExtras } from './HeaderExtras';
import { eagerPage, lazyPage } from './lazy-page';
import { AppProviders } from './providers';

setupIonicReact({ mode: 'md' });

const Markets = eagerPage(MarketsPage);
const MarketDetail = lazyPage(() =>
  import('./routes/market-detail').then((m) => m.MarketDetailRoute),
);
const Login = lazyPage(() => import('@/features/auth/LoginPage').then((m) => m.LoginPage));
const Register = lazyPage(() => import('@/features/auth/RegisterPage').then((m) => m.RegisterPage));
const Profile = lazyPage(() => import('@/features/profile/ProfilePage').then((m) => m.ProfilePage));
const UserProfile = lazyPage(() =>
  import('@/features/profile/UserProfilePage').then((m) => m.UserProfilePage),
);
const Leaderboard = lazyPage(() =>
  import('@/features/leaderboard/LeaderboardPage').then((m) => m.LeaderboardPage),
);
const Activity = lazyPage(() =>
  import('@/features/activity/ActivityPage').then((m) => m.ActivityPage),
);
const Notifications = lazyPage(() =>
  import('@/features/notifications/NotificationsPage').then((m) => m.NotificationsPage),
);
const Wallet = lazyPage(() => import('@/features/wallet/WalletPage').then((m) => m.WalletPage));
const WalletReturn = lazyPage(() =>
  import('@/features/wallet/WalletReturnPage').then((m) => m.WalletReturnPage),
);
const Admin = lazyPage(() => import('@/features/admin/AdminPage').then((m) => m.AdminPage));
const NotFound = lazyPage(() => import('./routes/not-found').then((m) => m.NotFoundPage));

function Shell() {
  const t = useT();
  return (
    <IonReactRouter>
      <IonTabs>
        <IonRouterOutlet>
          <Route exact path="/markets" component={Markets} />
          <Route exact path="/markets/:slug" component={MarketDetail} />
          <Route exact path="/leaderboard" component={Leaderboard} />
          <Route exact path="/activity" component={Activity} />
          <Route exact path="/profile" component={Profile} />
          <Route exact path="/users/:id" component={UserProfile} />
          <Route exact path="/login" component={Login} />
          <Route exact path="/register" component={Register} />
          <Route exact path="/notifications" component={Notifications} />
          <Route exact path="/wallet" component={Wallet} />
          <Route exact path="/wallet/return" component={WalletReturn} />
          <Route exact path="/admin" component={Admin} />
          <Route exact path="/">
            <Redirect to="/markets" />
          </Route>
          <Route component={NotFound} />
        </IonRouterOutlet>
        <IonTabBar slot="bottom">
          <IonTabButton tab="markets" href="/markets">
            <IonIcon aria-hidden="true" icon={storefront} />
            <IonLabel>{t('tab.markets')}</IonLabel>
          </IonTabButton>
          <IonTabButton tab="leaderboard" href="/leaderboard">
            <IonIcon aria-hidden="true" icon={trophy} />
            <IonLabel>{t('tab.leaderboard')}</IonLabel>
          </IonTabButton>
          <IonTabButton tab="activity" href="/activity">
            <IonIcon aria-hidden="true" icon={pulse} />
            <IonLabel>{t('tab.activity')}</IonLabel>
          </IonTabButton>
          <IonTabButton tab="profile" href="/profile">
            <IonIcon aria-hidden="true" icon={personCircle} />
            <IonLabel>{t('tab.profile')}</IonLabel>
          </IonTabButton>
        </IonTabBar>
      </IonTabs>
    </IonReactRouter>
  );
}

export function App() {
  return (
    <AppProviders>
      <HeaderExtrasContext.Provider value={HeaderExtras}>
        <IonApp>
          <Shell />
        </IonApp>
      </HeaderExtrasContext.Provider>
    </AppProviders>
  );
}
