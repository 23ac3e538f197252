import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { API_BASE } from '@/lib/api-client';
import type { MarketDetail, Outcome } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

type StreamUpdate = Partial<Pick<MarketDetail, 'total_points' | 'forecaster_count' | 'status'>> & {
  outcomes?: Partial<Outcome>[];
};

/** Applies a `market` stream event (fresh totals and probabilities) to the cached detail. */
export function mergeMarketUpdate(market: MarketDetail, update: StreamUpdate): MarketDetail {
  const byId = new Map((update.outcomes ?? []).map((o) => [o.id ?? o['outcome_id' as 'id'], o]));
  return {
    ...market,
    total_points: update.total_points ?? market.total_points,
    forecaster_count: update.forecaster_count ?? market.forecaster_count,
    status: update.status ?? market.status,
    outcomes: market.outcomes.map((o) => {
      const u = byId.get(o.id);
      return u ? { ...o, ...u, id: o.id, name: o.name } : o;
    }),
  };
}

/**
 * Subscribes to `GET /markets/{id}/stream` (SSE, `market` events). Returns `failed: true` when the
 * stream errors or EventSource is unavailable, so the caller can fall back to polling.
 */
export function useMarketStream(marketId: string | undefined, queryKey: QueryKey) {
  const qc = useQueryClient();
  const [state, setState] = useState<{ live: boolean; failed: boolean }>({
    live: false,
    failed: typeof EventSource === 'undefined',
  });
  const keyString = JSON.stringify(queryKey);

  useEffect(() => {
    if (!marketId || typeof EventSource === 'undefined') return;
    const key = JSON.parse(keyString) as QueryKey;
    const es = new EventSource(`${API_BASE}/markets/${encodeURIComponent(marketId)}/stream`, {
      withCredentials: true,
    });
    es.onopen = () => setState({ live: true, failed: false });
    es.addEventListener('market', (ev) => {
      try {
        const parsed = JSON.parse((ev as MessageEvent<string>).data) as
          StreamUpdate | { data: StreamUpdate };
        const update = 'data' in parsed && parsed.data ? parsed.data : (parsed as StreamUpdate);
        qc.setQueryData<MarketDetail>(key, (old) => (old ? mergeMarketUpdate(old, update) : old));
        setState({ live: true, failed: false });
      } catch {
        // ignore malformed events
      }
    });
    // A new comment on the market: the comments (another feature) read their list again.
    es.addEventListener('comment', () => {
      void qc.invalidateQueries({ queryKey: queryKeys.marketComments(marketId) });
    });
    es.onerror = () => {
      es.close();
      setState({ live: false, failed: true });
    };
    return () => es.close();
  }, [marketId, keyString, qc]);

  return state;
}
