import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { MarketDetail } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

/** POST or DELETE /markets/{id}/watch */
export function setWatching(id: string, watch: boolean): Promise<unknown> {
  const path = `/markets/${encodeURIComponent(id)}/watch`;
  return watch ? api.post(path) : api.delete(path);
}

/**
 * Watches or unwatches a market. On success the cached market (under its slug or id) says so at
 * once, and the watchlist is read again; the server's `watching` is what a reload shows.
 */
export function useWatchMarket(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (watch: boolean) => setWatching(id, watch),
    onSuccess: (_, watch) => {
      qc.setQueriesData<MarketDetail>({ queryKey: ['market'] }, (old) =>
        old && old.id === id ? { ...old, watching: watch } : old,
      );
      void qc.invalidateQueries({ queryKey: queryKeys.watchlist });
    },
  });
}
