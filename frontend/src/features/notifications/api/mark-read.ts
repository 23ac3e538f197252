import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** POST /notifications/{id}/read */
export function markRead(id: string): Promise<unknown> {
  return api.post(`/notifications/${encodeURIComponent(id)}/read`);
}

/** POST /notifications/read-all */
export function markAllRead(): Promise<unknown> {
  return api.post('/notifications/read-all');
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') => (id === 'all' ? markAllRead() : markRead(id)),
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}
