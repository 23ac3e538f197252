import { IonButton } from '@ionic/react';
import { useLocation } from 'react-router-dom';
import { useT, type MessageKey } from '@/lib/i18n';

/**
 * The app's sections: the phone's tab bar shows the same five; the desktop header also links the
 * full markets list (on a phone it is one tap away from Home).
 */
export const SECTIONS: { href: string; label: MessageKey }[] = [
  { href: '/home', label: 'tab.home' },
  { href: '/markets', label: 'tab.markets' },
  { href: '/portfolio', label: 'tab.portfolio' },
  { href: '/leaderboard', label: 'tab.leaderboard' },
  { href: '/activity', label: 'tab.activity' },
  { href: '/profile', label: 'tab.profile' },
];

/**
 * The sections as links in the header, on desktop only (≥ 992 px, where index.css hides the tab
 * bar): a phone's bottom tab bar is out of place on a wide screen.
 */
export function DesktopNav() {
  const t = useT();
  const { pathname } = useLocation();
  return (
    <nav className="pm-desktop-nav" aria-label={t('nav.main')} data-testid="desktop-nav">
      {SECTIONS.map((s) => {
        const current = pathname === s.href || pathname.startsWith(s.href + '/');
        return (
          <IonButton
            key={s.href}
            routerLink={s.href}
            routerDirection="root"
            fill="clear"
            size="small"
            aria-current={current ? 'page' : undefined}
            className={current ? 'pm-desktop-nav-current' : undefined}
          >
            {t(s.label)}
          </IonButton>
        );
      })}
    </nav>
  );
}
