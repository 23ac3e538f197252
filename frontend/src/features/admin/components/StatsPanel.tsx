import { Section } from '@/components/Page';
import { QueryView } from '@/components/QueryView';
import { ListSkeleton } from '@/components/States';
import { statusTone, Tag } from '@/components/Tag';
import { errorMessage } from '@/lib/error-message';
import { formatNumber } from '@/lib/format';
import { useT, type MessageKey } from '@/lib/i18n';
import { useAdminStats, type AdminStats } from '../api/get-stats';

const STAT_KEYS = [
  'users',
  'active_users',
  'chips_in_circulation',
  'purchases',
] as const satisfies (keyof AdminStats)[];

/** /admin/stats — users, chips, purchases, markets by status, referrals. */
export function StatsPanel() {
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
