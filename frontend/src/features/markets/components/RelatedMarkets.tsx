import type { MarketDetail } from '@/lib/api-types';
import { useI18n } from '@/lib/i18n';
import { useAfterFirstPaint } from '@/lib/use-after-paint';
import { useRelatedMarkets } from '../api/get-related';
import { MarketCard } from './MarketCard';

/** Open markets in the same category or sharing words with this one's title. */
export function RelatedMarkets({ market }: { market: MarketDetail }) {
  const { t } = useI18n();
  const load = useAfterFirstPaint();
  const related = useRelatedMarkets(load ? market.id : undefined);
  if (!related.data || related.data.length === 0) return null;
  return (
    <section className="mb-4" aria-labelledby="related-title" data-testid="related-markets">
      <h2 id="related-title" className="mb-2 text-base font-semibold">
        {t('market.related')}
      </h2>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
        {related.data.map((m) => (
          <MarketCard key={m.id} market={m} />
        ))}
      </div>
    </section>
  );
}
