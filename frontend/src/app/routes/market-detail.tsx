import { useLocation, useParams } from 'react-router-dom';
import { CommentsSection } from '@/features/comments/components/CommentsSection';
import { ForecastSlip } from '@/features/forecasting/components/ForecastSlip';
import { useMarket } from '@/features/markets/api/get-market';
import { MarketDetailPage } from '@/features/markets/MarketDetailPage';
import { DocumentTitleContext } from '@/lib/document-title';

/**
 * The market page with the forecast slip and the comments composed in (the features don't know each other),
 * titled after the market (the same query as the page's, so no second request). `?outcome=<id>`
 * (a card's one-tap outcome button) opens the slip on that outcome.
 */
export function MarketDetailRoute() {
  const { slug } = useParams<{ slug: string }>();
  const { search } = useLocation();
  const outcome = new URLSearchParams(search).get('outcome');
  const market = useMarket(slug, false);
  return (
    <DocumentTitleContext.Provider value={market.data?.title}>
      <MarketDetailPage
        renderSlip={(m) => <ForecastSlip key={m.id} market={m} initialOutcomeId={outcome} />}
        renderComments={(m) => <CommentsSection market={m} />}
      />
    </DocumentTitleContext.Provider>
  );
}
