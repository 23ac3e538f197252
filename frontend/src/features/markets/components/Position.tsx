import { Section } from '@/components/Page';
import { statusTone, Tag } from '@/components/Tag';
import type { MarketDetail } from '@/lib/api-types';
import { formatPeso } from '@/lib/format';
import { useI18n } from '@/lib/i18n';

export function outcomeName(market: MarketDetail, id: string | undefined): string {
  return market.outcomes.find((o) => o.id === id)?.name ?? '?';
}

/** The caller's position while the market is still open (or closed, awaiting its result). */
export function OpenPosition({ market }: { market: MarketDetail }) {
  const { t } = useI18n();
  const mine = market.my_forecast!;
  return (
    <Section title={t('market.yourPosition')}>
      <div className="flex items-center justify-between gap-2" data-testid="my-position">
        <span className="min-w-0 font-medium [overflow-wrap:anywhere]">
          {t('market.positionLine', {
            points: formatPeso(mine.points),
            outcome: outcomeName(market, mine.outcome_id),
          })}
        </span>
        <Tag tone={statusTone(mine.status)}>
          <span data-testid="my-position-status" data-status={mine.status}>
            {t(`market.positionStatus.${mine.status}`)}
          </span>
        </Tag>
      </div>
    </Section>
  );
}

/** What the caller's forecast came to in a settled market: won and paid, lost, or refunded. */
export function MyResult({ market }: { market: MarketDetail }) {
  const { t } = useI18n();
  const mine = market.my_forecast;
  if (!mine) return null;
  const vars = {
    stake: formatPeso(mine.points),
    outcome: outcomeName(market, mine.outcome_id),
    payout: formatPeso(mine.payout ?? 0),
  };
  const tone =
    mine.status === 'won'
      ? 'text-green-700 dark:text-green-400'
      : mine.status === 'lost'
        ? 'text-red-700 dark:text-red-400'
        : '';
  return (
    <div
      className="mt-3 flex items-center justify-between gap-2 rounded-xl bg-zinc-50 p-3 dark:bg-zinc-900"
      data-testid="my-position"
    >
      <p className={`m-0 font-semibold ${tone}`} data-testid="my-result">
        {t(`market.you.${mine.status}`, vars)}
      </p>
      <Tag tone={statusTone(mine.status)}>
        <span data-testid="my-position-status" data-status={mine.status}>
          {t(`market.positionStatus.${mine.status}`)}
        </span>
      </Tag>
      {mine.payout != null && mine.status !== 'pending' && (
        <span className="sr-only" data-testid="my-payout" data-payout={mine.payout}>
          {mine.status === 'refunded'
            ? t('market.refunded', { amount: formatPeso(mine.payout) })
            : t('market.payout', { amount: formatPeso(mine.payout) })}
        </span>
      )}
    </div>
  );
}
