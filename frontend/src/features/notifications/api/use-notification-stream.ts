import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { API_BASE } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/**
 * GET /notifications/stream (SSE): any event refreshes the unread count and the list, and the
 * caller's balance (a resolved or cancelled market, a badge or a grant is news because chips moved:
 * the header must not go on showing the balance from before a payout or refund). When the stream
 * fails the unread-count query's own polling keeps the badge roughly current.
 */
export function useNotificationStream(enabled: boolean) {
  const qc = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const es = new EventSource(`${API_BASE}/notifications/stream`, { withCredentials: true });
    const refresh = () => {
      void qc.invalidateQueries({ queryKey: queryKeys.notifications });
      void qc.invalidateQueries({ queryKey: queryKeys.me });
    };
    es.onmessage = refresh;
    es.addEventListener('notification', refresh);
    es.onerror = () => es.close();
    return () => es.close();
  }, [enabled, qc]);
}
