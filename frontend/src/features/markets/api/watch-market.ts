import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** POST or DELETE /markets/{id}/watch */
export function setWatching(id: string, watch: boolean): Promise<unknown> {
  const path = `/markets/${encodeURIComponent(id)}/watch`;
  return watch ? api.post(path) : api.delete(path);
}

export function useWatchMarket(id: string | undefined) {
  return useMutation({ mutationFn: (watch: boolean) => setWatching(id!, watch) });
}
