import { Section } from '@/components/Page';
import { outcomeColor, ProbabilityBar } from '@/components/ProbabilityBar';
import type { MarketDetail } from '@/lib/api-types';
import { formatMultiplier, formatPercent, formatPeso } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { byProbability, outcomePercents, percentLabel, percentsSummingTo100 } from '@/lib/percent';

/** Live odds: probability, stakes, pool share and payout per chip, most likely first (as on cards). */
export function LiveOutcomes({ market }: { market: MarketDetail }) {
  const { t } = useI18n();
  const percents = outcomePercents(market.outcomes);
  return (
    <Section title={t('market.outcomes')}>
      <ul className="space-y-4">
        {byProbability(market.outcomes).map((o) => (
          <li key={o.id} data-testid="outcome-row">
            <ProbabilityBar
              name={o.name}
              probability={o.probability}
              percent={percents.get(o.id)}
              color={outcomeColor(o.name, o.index)}
              detail={`${formatPeso(o.total_points)} · ${t('market.poolShare', {
                pct: formatPercent(o.pool_share),
              })} · ${t('market.payoutPerChip', { x: formatMultiplier(o.payout_per_chip) })}`}
            />
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** A settled market's final pool: how the chips were split over the outcomes, winner first. */
export function FinalSplit({ market }: { market: MarketDetail }) {
  const { t } = useI18n();
  const winnerId = market.resolution?.outcome_id;
  const shares = market.outcomes.map((o) =>
    market.total_points > 0 ? o.total_points / market.total_points : 0,
  );
  const pcts = percentsSummingTo100(shares);
  const rows = market.outcomes
    .map((o, index) => ({ ...o, index, share: shares[index], pct: pcts[index] }))
    .sort(
      (a, b) =>
        Number(b.id === winnerId) - Number(a.id === winnerId) ||
        b.total_points - a.total_points ||
        a.index - b.index,
    );
  return (
    <Section title={t('market.finalSplit')}>
      <p className="mb-3 text-sm text-zinc-500 dark:text-zinc-400">
        {t('market.finalPool', { amount: formatPeso(market.total_points) })}
      </p>
      <ul className="space-y-4" data-testid="final-split">
        {rows.map((o) => (
          <li key={o.id} data-testid="outcome-row" data-winner={o.id === winnerId}>
            <ProbabilityBar
              name={o.id === winnerId ? `${o.name} · ${t('market.winner')}` : o.name}
              probability={o.share}
              percent={percentLabel(o.pct, o.share)}
              color={o.id === winnerId || !winnerId ? outcomeColor(o.name, o.index) : '#a1a1aa'}
              highlight={o.id === winnerId}
              detail={formatPeso(o.total_points)}
            />
          </li>
        ))}
      </ul>
    </Section>
  );
}
