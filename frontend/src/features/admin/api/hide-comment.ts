import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/**
 * POST /admin/comments/{id}/hide — hides a reported comment. Its open report flags are cleared just
 * after (by the server, asynchronously), so the queue is read again a moment later too.
 */
export function useHideComment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/admin/comments/${encodeURIComponent(id)}/hide`, {}),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['admin', 'flags'] });
      setTimeout(() => void qc.invalidateQueries({ queryKey: ['admin', 'flags'] }), 1500);
    },
  });
}
