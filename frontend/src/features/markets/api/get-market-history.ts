import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';

export type HistoryRange = '1h' | '24h' | '7d' | '30d' | 'all';
export const HISTORY_RANGES: HistoryRange[] = ['1h', '24h', '7d', '30d', 'all'];

export type HistoryPoint = Schemas['HistoryPoint'];

/** GET /markets/{id}/history?range= */
export function getMarketHistory(id: string, range: HistoryRange): Promise<HistoryPoint[]> {
  return api.get<HistoryPoint[]>(`/markets/${encodeURIComponent(id)}/history`, { range });
}

export function useMarketHistory(id: string | undefined, range: HistoryRange) {
  return useQuery({
    queryKey: ['market', id, 'history', range],
    queryFn: () => getMarketHistory(id!, range),
    enabled: !!id,
  });
}
