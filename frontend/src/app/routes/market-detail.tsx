import { ForecastSlip } from '@/features/forecasting/components/ForecastSlip';
import { MarketDetailPage } from '@/features/markets/MarketDetailPage';

/** The market page with the forecast slip composed in (the two features don't know each other). */
export function MarketDetailRoute() {
  return <MarketDetailPage renderSlip={(market) => <ForecastSlip market={market} />} />;
}
