import { IonButton } from '@ionic/react';
import type { ComponentType } from 'react';
import { Redirect, useHistory, useLocation } from 'react-router-dom';
import { PageBody, Section } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ListSkeleton } from '@/components/States';
import { isStaff, type CurrentUser, type Role } from '@/lib/api-types';
import { useT } from '@/lib/i18n';
import { useSession } from '@/lib/session';
import { AuditPanel } from './components/AuditPanel';
import { CreateMarketForm } from './components/CreateMarketForm';
import { FlagsPanel } from './components/FlagsPanel';
import { MarketsPanel } from './components/MarketsPanel';
import { StatsPanel } from './components/StatsPanel';
import { UsersPanel } from './components/UsersPanel';

type Tab = 'stats' | 'markets' | 'create' | 'users' | 'flags' | 'audit';
const ADMIN_TABS: Tab[] = ['stats', 'markets', 'create', 'users', 'flags', 'audit'];
const MODERATOR_TABS: Tab[] = ['users', 'flags'];

function CreatePanel() {
  const t = useT();
  return (
    <Section title={t('admin.tab.create')}>
      <CreateMarketForm />
    </Section>
  );
}

/** Each section is a route of its own: /admin/stats, /admin/markets, … (/admin opens the first). */
const PANELS: Record<Tab, ComponentType<{ role: Role }>> = {
  stats: StatsPanel,
  markets: MarketsPanel,
  create: CreatePanel,
  users: UsersPanel,
  flags: FlagsPanel,
  audit: AuditPanel,
};

/** /admin/:section — the console for admins (every section) and moderators (users and flags). */
export function AdminPage() {
  const t = useT();
  const { user, isLoading } = useSession();
  return (
    <>
      <PageHeader title={t('admin.title')} backHref="/profile" />
      <PageBody>
        {isLoading ? (
          <ListSkeleton count={2} />
        ) : !isStaff(user) ? (
          <EmptyState
            title={t('admin.forbidden')}
            action={<IonButton routerLink="/markets">{t('common.goHome')}</IonButton>}
          />
        ) : (
          <Console user={user!} />
        )}
      </PageBody>
    </>
  );
}

function Console({ user }: { user: CurrentUser }) {
  const t = useT();
  const history = useHistory();
  const { pathname } = useLocation();
  const tabs = user.role === 'moderator' ? MODERATOR_TABS : ADMIN_TABS;
  const tab = tabs.find((k) => pathname === `/admin/${k}`);
  // /admin, or a section this role may not open: the role's first section.
  if (!tab) return <Redirect to={`/admin/${tabs[0]}`} />;
  const Panel = PANELS[tab];
  return (
    <>
      <div
        className="mb-4 flex gap-2 overflow-x-auto pb-1"
        role="tablist"
        aria-label={t('admin.sections')}
      >
        {tabs.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            className={`chip ${tab === k ? 'chip-active' : ''}`}
            // Replace, not push: switching sections is not a step Back should undo.
            onClick={() => history.replace(`/admin/${k}`)}
          >
            {t(`admin.tab.${k}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        <Panel role={user.role} />
      </div>
    </>
  );
}
