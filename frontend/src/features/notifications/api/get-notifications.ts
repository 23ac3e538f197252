import { useQuery } from '@tanstack/react-query';
import { apiRequest, type ApiResult } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export interface Notification {
  id: string;
  notification_type?: string;
  type?: string;
  title?: string;
  message?: string;
  body?: string;
  link?: string | null;
  market_id?: string | null;
  is_read?: boolean;
  read_at?: string | null;
  created_at: string;
}

export function isUnread(n: Notification): boolean {
  if (typeof n.is_read === 'boolean') return !n.is_read;
  return !n.read_at;
}

/** GET /notifications — the caller's notifications, newest first. */
export function getNotifications(
  unreadOnly: boolean,
  page = 1,
): Promise<ApiResult<Notification[]>> {
  return apiRequest<Notification[]>('/notifications', {
    query: { unread: unreadOnly ? true : undefined, page },
  });
}

export function useNotifications(unreadOnly: boolean, enabled: boolean) {
  return useQuery({
    queryKey: [...queryKeys.notifications, { unreadOnly }],
    queryFn: () => getNotifications(unreadOnly),
    enabled,
  });
}
