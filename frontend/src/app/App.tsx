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
import { home, personCircle, pieChart, pulse, trophy } from 'ionicons/icons';
import type { ComponentType } from 'react';
import { matchPath, Redirect, Route } from 'react-router-dom';
import { HomePage } from '@/features/markets/HomePage';
import { MarketsPage } from '@/features/markets/MarketsPage';
import { PushKeyRenewal } from '@/features/notifications/components/PushKeyRenewal';
import { useT } from '@/lib/i18n';
import { HeaderExtrasContext } from '@/lib/layout';
import { HeaderExtras } from './HeaderExtras';
import { eagerPage, lazyPage, type LazyPage } from './lazy-page';
import { AppProviders } from './providers';

setupIonicReact({ mode: 'md' });

const Home = eagerPage(HomePage);
const Markets = eagerPage(MarketsPage);
const MarketDetail = lazyPage(() =>
  import('./routes/market-detail').then((m) => m.MarketDetailRoute),
);
const Login = lazyPage(() => import('@/features/auth/LoginPage').then((m) => m.LoginPage));
const Register = lazyPage(() => import('@/features/auth/RegisterPage').then((m) => m.RegisterPage));
const ForgotPassword = lazyPage(() =>
  import('@/features/auth/ForgotPasswordPage').then((m) => m.ForgotPasswordPage),
);
const ResetPassword = lazyPage(() =>
  import('@/features/auth/ResetPasswordPage').then((m) => m.ResetPasswordPage),
);
const VerifyEmail = lazyPage(() =>
  import('@/features/auth/EmailLinkPage').then((m) => m.VerifyEmailPage),
);
const ConfirmEmail = lazyPage(() =>
  import('@/features/auth/EmailLinkPage').then((m) => m.ConfirmEmailChangePage),
);
const Unsubscribe = lazyPage(() =>
  import('@/features/notifications/UnsubscribePage').then((m) => m.UnsubscribePage),
);
const DevMail = lazyPage(() => import('@/features/devmail/DevMailPage').then((m) => m.DevMailPage));
const Profile = lazyPage(() => import('@/features/profile/ProfilePage').then((m) => m.ProfilePage));
const UserProfile = lazyPage(() =>
  import('@/features/profile/UserProfilePage').then((m) => m.UserProfilePage),
);
const UserRedirect = lazyPage(() =>
  import('@/features/profile/UserProfilePage').then((m) => m.UserRedirectPage),
);
const ReferralLink = lazyPage(() =>
  import('@/features/auth/ReferralLinkPage').then((m) => m.ReferralLinkPage),
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
const Watchlist = lazyPage(() =>
  import('@/features/markets/WatchlistPage').then((m) => m.WatchlistPage),
);
const Wallet = lazyPage(() => import('@/features/wallet/WalletPage').then((m) => m.WalletPage));
const WalletReturn = lazyPage(() =>
  import('@/features/wallet/WalletReturnPage').then((m) => m.WalletReturnPage),
);
const Portfolio = lazyPage(() =>
  import('@/features/portfolio/PortfolioPage').then((m) => m.PortfolioPage),
);
const Admin = lazyPage(() => import('@/features/admin/AdminPage').then((m) => m.AdminPage));
const NotFound = lazyPage(() => import('./routes/not-found').then((m) => m.NotFoundPage));

/**
 * The routes of the tab outlet; `/` redirects to the home feed, anything else is not found. A route
 * marked `prefix` also matches the paths under it, as one Ionic page that routes inside itself
 * (the admin console's sections: switching them is not a page transition).
 */
const ROUTES: [path: string, page: ComponentType, match?: 'prefix'][] = [
  ['/home', Home],
  ['/markets', Markets],
  ['/markets/:slug', MarketDetail],
  ['/portfolio', Portfolio],
  ['/leaderboard', Leaderboard],
  ['/activity', Activity],
  ['/profile', Profile],
  ['/u/:handle', UserProfile],
  ['/users/:id', UserRedirect],
  ['/login', Login],
  ['/register', Register],
  ['/forgot-password', ForgotPassword],
  ['/reset-password', ResetPassword],
  ['/verify-email', VerifyEmail],
  ['/confirm-email', ConfirmEmail],
  ['/dev/mail', DevMail],
  ['/unsubscribe', Unsubscribe],
  ['/r/:handle', ReferralLink],
  ['/notifications', Notifications],
  ['/watchlist', Watchlist],
  ['/wallet', Wallet],
  ['/wallet/return', WalletReturn],
  ['/admin', Admin, 'prefix'],
];

/** Loads the code of the page at `pathname` if it is code-split (resolves when it is there). */
export function preloadPage(pathname: string): Promise<void> {
  const route = ROUTES.find(([path, , match]) =>
    matchPath(pathname, { path, exact: match !== 'prefix' }),
  );
  const page = route?.[1];
  return page && 'preload' in page ? (page as LazyPage).preload() : Promise.resolve();
}

function Shell() {
  const t = useT();
  return (
    <IonReactRouter>
      <IonTabs>
        <IonRouterOutlet>
          {ROUTES.map(([path, page, match]) => (
            <Route key={path} exact={match !== 'prefix'} path={path} component={page} />
          ))}
          <Route exact path="/">
            <Redirect to="/home" />
          </Route>
          <Route component={NotFound} />
        </IonRouterOutlet>
        <IonTabBar slot="bottom">
          <IonTabButton tab="home" href="/home">
            <IonIcon aria-hidden="true" icon={home} />
            <IonLabel>{t('tab.home')}</IonLabel>
          </IonTabButton>
          <IonTabButton tab="portfolio" href="/portfolio">
            <IonIcon aria-hidden="true" icon={pieChart} />
            <IonLabel>{t('tab.portfolio')}</IonLabel>
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
          <PushKeyRenewal />
          <Shell />
        </IonApp>
      </HeaderExtrasContext.Provider>
    </AppProviders>
  );
}
