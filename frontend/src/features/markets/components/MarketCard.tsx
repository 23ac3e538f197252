import { Link } from 'react-router-dom';
import type { MarketSummary } from '@/lib/api-types';
import { closesIn, formatPeso } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { outcomeColor, ProbabilityBar } from '@/components/ProbabilityBar';
import { byProbability, outcomePercents } from '@/lib/percent';
import { statusTone, Tag } from '@/components/Tag';

const SHOWN = 3;

/**
 * A market in a list. An open card has one-tap outcome buttons that open the market page with the
 * slip on that outcome (`?outcome=`); `note` is an extra line (e.g. the feed's 24-hour activity).
 */
export function MarketCard({ market, note }: { market: MarketSummary; note?: string }) {
  const { t, lang } = useI18n();
  const percents = outcomePercents(market.outcomes);
  const top = byProbability(market.outcomes).slice(0, SHOWN);
  const winner =
    market.status === 'resolved'
      ? market.outcomes.find((o) => o.id === market.winning_outcome_id)
      : undefined;
  const hidden = market.outcomes.length - top.length;
  const when = market.status === 'open' ? closesIn(market.closes_at, new Date(), lang) : null;
  return (
    // Cards below the fold skip layout and paint until they are scrolled near (content-visibility).
    <article
      className="card relative flex flex-col gap-3 p-4 transition [contain-intrinsic-size:auto_220px] [content-visibility:auto] hover:shadow-md"
      aria-labelledby={`m-${market.id}`}
    >
      <div className="flex items-center gap-2">
        <Tag tone="blue">{t(`markets.category.${market.category}`)}</Tag>
        {market.status !== 'open' && (
          <Tag tone={statusTone(market.status)}>{t(`markets.status.${market.status}`)}</Tag>
        )}
      </div>
      <h2 id={`m-${market.id}`} className="text-base leading-snug font-semibold">
        <Link
          to={`/markets/${market.slug || market.id}`}
          className="text-inherit no-underline after:absolute after:inset-0 hover:underline"
        >
          {market.title}
        </Link>
      </h2>
      {/* A settled market has no odds left to show: it names its winner, or says it was refunded. */}
      {winner ? (
        <p
          className="flex items-center gap-2 text-sm font-semibold text-green-700 dark:text-green-400"
          data-testid="card-winner"
        >
          <CheckIcon />
          <span className="min-w-0 [overflow-wrap:anywhere]">
            {t('markets.card.winner', { outcome: winner.name })}
          </span>
        </p>
      ) : market.status === 'cancelled' ? (
        <p
          className="text-sm font-medium text-zinc-600 dark:text-zinc-400"
          data-testid="card-cancelled"
        >
          {t('markets.card.cancelled')}
        </p>
      ) : (
        <div className="space-y-2">
          {top.map((o) => (
            <ProbabilityBar
              key={o.id}
              name={o.name}
              probability={o.probability}
              percent={percents.get(o.id)}
              color={outcomeColor(o.name, o.index)}
            />
          ))}
          {hidden > 0 && (
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              {t('markets.more', { count: hidden })}
            </p>
          )}
          {when && (
            // Above the card's stretched link (z-10), so a tap picks the outcome, not just the market.
            <div className="relative z-10 flex flex-wrap gap-2 pt-1" data-testid="card-outcomes">
              {top.map((o) => (
                <Link
                  key={o.id}
                  to={`/markets/${market.slug || market.id}?outcome=${encodeURIComponent(o.id)}`}
                  className="chip inline-flex min-h-11 items-center no-underline"
                  aria-label={t('markets.card.pick', { outcome: o.name, market: market.title })}
                  data-testid="card-outcome"
                >
                  <span className="[overflow-wrap:anywhere]">{o.name}</span>
                  <span className="ml-1 tabular-nums opacity-80">{percents.get(o.id)}</span>
                </Link>
              ))}
            </div>
          )}
        </div>
      )}
      {note && (
        <p className="text-xs font-medium text-blue-700 dark:text-blue-300" data-testid="card-note">
          {note}
        </p>
      )}
      <div className="mt-auto flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
        <span>{t('markets.volume', { amount: formatPeso(market.total_points) })}</span>
        <span>{t('markets.forecasters', { count: market.forecaster_count })}</span>
        {when && <span>{t('markets.closesIn', { when })}</span>}
      </div>
    </article>
  );
}

export function CheckIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      className="h-5 w-5 shrink-0"
      fill="none"
      stroke="currentColor"
      strokeWidth={2.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M5 12.5l4.5 4.5L19 7.5" />
    </svg>
  );
}
