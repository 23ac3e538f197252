import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';
import type { Lang } from '@/lib/format';
import { useI18n } from '@/lib/i18n';

export type Portfolio = Schemas['Portfolio'];
export type PortfolioPosition = Schemas['PortfolioPosition'];
export type SettledPosition = Schemas['SettledPosition'];

/** How often the open positions are revalued while the page is open (their pools move). */
export const PORTFOLIO_REFRESH_MS = 15_000;

/** GET /users/me/portfolio — open positions valued now, and the totals. */
export function getPortfolio() {
  return apiRequest<Portfolio>('/users/me/portfolio');
}

/** GET /users/me/portfolio/settled — settled forecasts, most recently settled first. */
export function getSettledPositions(page: number) {
  return apiRequest<SettledPosition[]>('/users/me/portfolio/settled', {
    query: { page, limit: 10 },
  });
}

export function usePortfolio(enabled: boolean) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['me', 'portfolio'],
    queryFn: getPortfolio,
    enabled,
    refetchInterval: PORTFOLIO_REFRESH_MS,
    select: (r) => ({
      ...r.data,
      positions: r.data.positions.map((p) => localizeLine(p, lang)),
    }),
  });
}

export function useSettledPositions(enabled: boolean, page: number) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['me', 'portfolio', 'settled', page],
    queryFn: () => getSettledPositions(page),
    enabled,
    placeholderData: keepPreviousData,
    select: (r) => ({ ...r, data: r.data.map((p) => localizeLine(p, lang)) }),
  });
}

type Line = Pick<PortfolioPosition, 'market' | 'outcome_name' | 'outcome_name_fil'>;

/** In Filipino, the market's and outcome's Filipino names where they have them. */
export function localizeLine<T extends Line>(line: T, lang: Lang): T {
  if (lang !== 'fil') return line;
  const title = line.market.title_fil?.trim();
  const outcome = line.outcome_name_fil?.trim();
  return {
    ...line,
    market: title ? { ...line.market, title } : line.market,
    outcome_name: outcome || line.outcome_name,
  };
}
