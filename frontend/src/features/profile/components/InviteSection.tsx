import { Link } from 'react-router-dom';
import { Section } from '@/components/Page';
import { ShareButtons } from '@/components/ShareButtons';
import { QueryView } from '@/components/QueryView';
import { Skeleton } from '@/components/States';
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
      <QueryView query={q} loading={<Skeleton className="h-24 w-full" />}>
        {(invite) => (
          <div data-testid="invite">
            <p className="mb-3 text-sm">
              {t('social.inviteBody', {
                bonus: formatNumber(invite.bonus),
                cap: invite.monthly_cap,
              })}
            </p>
            <ShareButtons
              url={`${window.location.origin}/r/${invite.code}`}
              text={t('social.inviteShareText', { bonus: formatNumber(invite.bonus) })}
            />
            <p
              className="mt-3 text-xs text-zinc-600 dark:text-zinc-400"
              data-testid="invite-summary"
            >
              {t('social.inviteSummary', {
                count: invite.invitee_count,
                chips: formatNumber(invite.chips_earned),
                month: invite.paid_this_month,
                cap: invite.monthly_cap,
              })}
            </p>
            {invite.invitees.length > 0 && (
              <ul className="mt-2 divide-y divide-zinc-200 dark:divide-zinc-800">
                {invite.invitees.map((i) => (
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
      </QueryView>
    </Section>
  );
}
