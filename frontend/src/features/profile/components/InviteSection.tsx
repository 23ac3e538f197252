import { Link } from 'react-router-dom';
import { Section } from '@/components/Page';
import { ShareButtons } from '@/components/ShareButtons';
import { ErrorState, Skeleton } from '@/components/States';
import { Tag, type Tone } from '@/components/Tag';
import { formatNumber } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useReferrals, type Invitee } from '../api/get-referrals';

const TONE: Record<Invitee['status'], Tone> = {
  pending: 'amber',
  paid: 'green',
  capped: 'blue',
  refused: 'red',
};

/** The caller's referral link with share buttons, what it earned, and the people who joined through it. */
export function InviteSection() {
  const t = useT();
  const q = useReferrals();
  return (
    <Section title={t('social.inviteTitle')}>
      {q.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : q.isError ? (
        <ErrorState message={t('common.error')} onRetry={() => void q.refetch()} />
      ) : (
        <div data-testid="invite">
          <p className="mb-3 text-sm">
            {t('social.inviteBody', { bonus: formatNumber(q.data.bonus), cap: q.data.monthly_cap })}
          </p>
          <ShareButtons
            url={`${window.location.origin}/r/${q.data.code}`}
            text={t('social.inviteShareText', { bonus: formatNumber(q.data.bonus) })}
          />
          <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400" data-testid="invite-summary">
            {t('social.inviteSummary', {
              count: q.data.invitee_count,
              chips: formatNumber(q.data.chips_earned),
              month: q.data.paid_this_month,
              cap: q.data.monthly_cap,
            })}
          </p>
          {q.data.invitees.length > 0 && (
            <ul className="mt-2 divide-y divide-zinc-200 dark:divide-zinc-800">
              {q.data.invitees.map((i) => (
                <li key={i.id} className="flex items-center justify-between gap-2 py-2 text-sm">
                  <Link to={`/u/${i.handle}`} className="min-w-0 truncate">
                    {i.display_name}
                  </Link>
                  <Tag tone={TONE[i.status]}>{t(`social.referral.${i.status}`)}</Tag>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Section>
  );
}
