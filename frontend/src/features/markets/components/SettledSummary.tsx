import type { MarketDetail } from '@/lib/api-types';
import { formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { CheckIcon } from './MarketCard';
import { MyResult, outcomeName } from './Position';

export function ResolvedSummary({ market }: { market: MarketDetail }) {
  const { t } = useI18n();
  const resolution = market.resolution;
  const winnerId = resolution?.outcome_id;
  return (
    <section
      className="card mb-4 border-2 border-green-600 p-4 dark:border-green-500"
      data-testid="resolved-summary"
      aria-labelledby="resolved-title"
    >
      <h2
        id="resolved-title"
        className="flex items-start gap-2 text-lg font-bold text-green-700 dark:text-green-400"
      >
        <CheckIcon />
        <span className="min-w-0 [overflow-wrap:anywhere]">
          {t('market.resolvedBanner', { outcome: outcomeName(market, winnerId) })}
        </span>
      </h2>
      {resolution && (
        <>
          <p className="mt-1 text-xs text-zinc-500">
            {t('market.resolvedOn', { date: formatDateTime(resolution.created_at) })}
          </p>
          {resolution.resolution_note && (
            <p className="mt-2 text-sm whitespace-pre-line">{resolution.resolution_note}</p>
          )}
          {resolution.evidence_urls.length > 0 && (
            <>
              <h3 className="mt-3 text-sm font-semibold">{t('market.evidence')}</h3>
              <ul className="mt-1 space-y-1">
                {resolution.evidence_urls.map((u) => (
                  <li key={u} className="text-sm [overflow-wrap:anywhere]">
                    <a
                      className="pm-link"
                      href={u}
                      target="_blank"
                      rel="noopener noreferrer nofollow"
                    >
                      {u}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <MyResult market={market} />
    </section>
  );
}

export function CancelledSummary({ market }: { market: MarketDetail }) {
  const { t } = useI18n();
  return (
    <section
      className="card mb-4 border-2 border-zinc-400 p-4 dark:border-zinc-600"
      data-testid="cancelled-summary"
      aria-labelledby="cancelled-title"
    >
      <h2 id="cancelled-title" className="text-lg font-bold">
        {t('market.cancelledTitle')}
      </h2>
      {market.cancel_reason && (
        <p className="mt-2 text-sm whitespace-pre-line" data-testid="cancel-reason">
          {t('market.cancelReason', { reason: market.cancel_reason })}
        </p>
      )}
      <MyResult market={market} />
    </section>
  );
}
