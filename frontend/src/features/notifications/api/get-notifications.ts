import { useQuery } from '@tanstack/react-query';
import { apiRequest, type ApiResult } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

export type NotificationType = Schemas['NotificationType'];

export type Notification = Schemas['NotificationView'];

export function isUnread(n: Notification): boolean {
  return !n.is_read;
}

/** The app path a notification points to: its `link`, else its market, else none. */
export function notificationLink(n: Notification): string | null {
  if (n.link && n.link.startsWith('/') && !n.link.startsWith('//')) return n.link;
  const meta = n.metadata ?? {};
  const market =
    (typeof meta.market_slug === 'string' && meta.market_slug) ||
    n.market_id ||
    (typeof meta.market_id === 'string' && meta.market_id);
  return market ? `/markets/${market}` : null;
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
