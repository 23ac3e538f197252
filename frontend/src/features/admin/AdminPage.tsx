import { IonButton } from '@ionic/react';
import { useState } from 'react';
import { PageBody, Section } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { Pager } from '@/components/Pager';
import { QueryView } from '@/components/QueryView';
import { EmptyState, ListSkeleton } from '@/components/States';
import { statusTone, Tag } from '@/components/Tag';
import { isStaff, type CurrentUser, type Role } from '@/lib/api-types';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useT, type MessageKey } from '@/lib/i18n';
import { useSession } from '@/lib/session';
import { useDebounced } from '@/lib/use-debounced';
import { clearFlag } from './api/clear-flag';
import { useAdminMarkets } from './api/get-admin-markets';
import { useAdminUsers } from './api/get-admin-users';
import { useAuditLog } from './api/get-audit-log';
import { useFlags, type Flag } from './api/get-flags';
import { useAdminStats, type AdminStats } from './api/get-stats';
import { useHideComment } from './api/hide-comment';
import { useAdminMutation } from './api/use-admin-mutation';
import { CreateMarketForm } from './components/CreateMarketForm';
import { MarketAdminRow } from './components/MarketAdminRow';
import { UserAdminRow } from './components/UserAdminRow';

type Tab = 'stats' | 'markets' | 'create' | 'users' | 'flags' | 'audit';
const ADMIN_TABS: Tab[] = ['stats', 'markets', 'create', 'users', 'flags', 'audit'];
const MODERATOR_TABS: Tab[] = ['users', 'flags'];

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
  const tabs = user.role === 'moderator' ? MODERATOR_TABS : ADMIN_TABS;
  const [tab, setTab] = useState<Tab>(tabs[0]);
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
            onClick={() => setTab(k)}
          >
            {t(`admin.tab.${k}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'stats' && <StatsPanel />}
        {tab === 'markets' && <MarketsPanel />}
        {tab === 'create' && (
          <Section title={t('admin.tab.create')}>
            <CreateMarketForm />
          </Section>
        )}
        {tab === 'users' && <UsersPanel role={user.role} />}
        {tab === 'flags' && <FlagsPanel />}
        {tab === 'audit' && <AuditPanel />}
      </div>
    </>
  );
}

const STAT_KEYS = [
  'users',
  'active_users',
  'chips_in_circulation',
  'purchases',
] as const satisfies (keyof AdminStats)[];

function StatsPanel() {
  const t = useT();
  const q = useAdminStats(true);
  return (
    <QueryView query={q} loading={<ListSkeleton count={1} />} errorText={(e) => errorMessage(e, t)}>
      {(stats) => (
        <Section title={t('admin.tab.stats')}>
          <dl className="grid grid-cols-2 gap-3">
            {STAT_KEYS.map((k) => (
              <div key={k} className="rounded-xl bg-zinc-50 p-3 dark:bg-zinc-900">
                <dt className="text-xs text-zinc-500">{t(`admin.stat.${k}` as MessageKey)}</dt>
                <dd className="m-0 text-lg font-semibold">{formatNumber(stats[k])}</dd>
              </div>
            ))}
          </dl>
          <h3 className="mt-4 mb-2 text-sm font-semibold">{t('admin.stat.markets')}</h3>
          <div className="flex flex-wrap gap-2">
            {Object.entries(stats.markets_by_status).map(([s, n]) => (
              <Tag key={s} tone={statusTone(s)}>
                {s}: {formatNumber(n)}
              </Tag>
            ))}
          </div>
          <h3 className="mt-4 mb-2 text-sm font-semibold">{t('social.adminReferrals')}</h3>
          <dl className="grid grid-cols-2 gap-3" data-testid="referral-stats">
            {(
              [
                ['social.adminSignups', stats.referrals.signups],
                ['social.adminSignups7d', stats.referrals.signups_7d],
                ['social.adminPaid', stats.referrals.paid + stats.referrals.capped],
                ['social.adminRefused', stats.referrals.refused],
                ['social.adminPending', stats.referrals.pending],
                ['social.adminBonusChips', stats.referrals.bonus_chips],
              ] as const
            ).map(([key, n]) => (
              <div key={key} className="rounded-xl bg-zinc-50 p-3 dark:bg-zinc-900">
                <dt className="text-xs text-zinc-500">{t(key)}</dt>
                <dd className="m-0 text-lg font-semibold">{formatNumber(n)}</dd>
              </div>
            ))}
          </dl>
        </Section>
      )}
    </QueryView>
  );
}

function MarketsPanel() {
  const t = useT();
  const [search, setSearch] = useState('');
  const q = useAdminMarkets(true, useDebounced(search));
  return (
    <Section title={t('admin.tab.markets')}>
      <input
        type="search"
        className="pm-input mb-2"
        aria-label={t('markets.search')}
        placeholder={t('markets.search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <QueryView
        query={q}
        loading={<ListSkeleton count={2} />}
        errorText={(e) => errorMessage(e, t)}
        empty={<p className="text-sm text-zinc-500">{t('markets.empty')}</p>}
      >
        {(res) => (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {res.data.map((m) => (
              <MarketAdminRow key={m.id} market={m} />
            ))}
          </ul>
        )}
      </QueryView>
    </Section>
  );
}

function UsersPanel({ role }: { role: Role }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const q = useAdminUsers(true, useDebounced(search));
  return (
    <Section title={t('admin.tab.users')}>
      <input
        type="search"
        className="pm-input mb-2"
        aria-label={t('admin.searchUsers')}
        placeholder={t('admin.searchUsers')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <QueryView
        query={q}
        loading={<ListSkeleton count={2} />}
        errorText={(e) => errorMessage(e, t)}
        empty={<p className="text-sm text-zinc-500">{t('admin.noUsers')}</p>}
      >
        {(res) => (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {res.data.map((u) => (
              <UserAdminRow key={u.id} user={u} actorRole={role} />
            ))}
          </ul>
        )}
      </QueryView>
    </Section>
  );
}

function FlagsPanel() {
  const t = useT();
  const q = useFlags(true);
  const clear = useAdminMutation(clearFlag);
  return (
    <Section title={t('admin.tab.flags')}>
      <QueryView
        query={q}
        loading={<ListSkeleton count={2} />}
        errorText={(e) => errorMessage(e, t)}
        empty={<p className="text-sm text-zinc-500">{t('admin.noFlags')}</p>}
      >
        {(res) => (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {res.data.map((f) => (
              <FlagRow
                key={f.id}
                flag={f}
                busy={clear.isPending}
                onClear={(reason) => clear.mutate({ id: f.id, reason })}
              />
            ))}
          </ul>
        )}
      </QueryView>
    </Section>
  );
}

function FlagRow({
  flag: f,
  busy,
  onClear,
}: {
  flag: Flag;
  busy: boolean;
  onClear: (reason: string) => void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  return (
    <li
      className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
      data-testid="flag-row"
    >
      <div className="min-w-0">
        <p className="font-medium">{f.rule}</p>
        <p className="truncate text-xs text-zinc-500">
          {f.user?.display_name ?? `${f.subject_type} ${f.subject_id}`} ·{' '}
          {formatDateTime(f.created_at)}
        </p>
        {f.subject.type === 'comment' && <ReportedComment flag={f} />}
      </div>
      <div className="flex items-center gap-2">
        <input
          className="w-36 rounded-md border border-zinc-300 bg-transparent px-2 py-1 text-sm dark:border-zinc-700"
          aria-label={t('admin.reason')}
          placeholder={t('admin.reason')}
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
        <IonButton
          size="small"
          fill="outline"
          disabled={busy || reason.trim() === ''}
          onClick={() => onClear(reason.trim())}
        >
          {t('admin.clearFlag')}
        </IonButton>
      </div>
    </li>
  );
}

/** A reported comment in the queue: its text, how many reported it, its market, and a Hide button. */
function ReportedComment({ flag: f }: { flag: Flag }) {
  const t = useT();
  const hide = useHideComment();
  const s = f.subject;
  return (
    <div className="mt-1 space-y-1" data-testid="flag-comment">
      {s.comment_body && (
        <blockquote className="line-clamp-3 border-l-2 border-zinc-300 pl-2 text-sm whitespace-pre-line [overflow-wrap:anywhere] dark:border-zinc-700">
          {s.comment_body}
        </blockquote>
      )}
      <p className="flex flex-wrap items-center gap-2 text-xs text-zinc-500">
        {s.comment_reports != null && (
          <span>{t('admin.commentReports', { count: s.comment_reports })}</span>
        )}
        {s.market_slug && (
          <a className="pm-link" href={`/markets/${s.market_slug}#comment-${s.id}`}>
            {t('admin.openMarket')}
          </a>
        )}
        {s.comment_hidden ? (
          <Tag tone="amber">{t('admin.commentHidden')}</Tag>
        ) : (
          !s.comment_deleted && (
            <IonButton
              size="small"
              fill="outline"
              color="danger"
              disabled={hide.isPending}
              onClick={() => hide.mutate(s.id)}
            >
              {t('admin.hideComment')}
            </IonButton>
          )
        )}
      </p>
    </div>
  );
}

function AuditPanel() {
  const t = useT();
  const [page, setPage] = useState(1);
  const q = useAuditLog(true, page);
  return (
    <Section title={t('admin.tab.audit')}>
      <QueryView
        query={q}
        loading={<ListSkeleton count={2} />}
        errorText={(e) => errorMessage(e, t)}
        empty={<p className="text-sm text-zinc-500">{t('admin.noAudit')}</p>}
      >
        {(res) => (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {res.data.map((a) => (
              <li key={a.id} className="py-2 text-sm">
                <p className="font-medium">{a.action}</p>
                <p className="text-xs text-zinc-500">
                  {a.actor_id ?? ''}
                  {a.target_type && (
                    <>
                      {' '}
                      · {a.target_type} {a.target_id}
                    </>
                  )}{' '}
                  · {formatDateTime(a.created_at)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      <Pager pagination={q.data?.pagination} onPage={setPage} />
    </Section>
  );
}
