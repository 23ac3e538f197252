import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';

export type NotificationPreferences = Schemas['NotificationPreferences'];
/** The on/off switches (the preferences also hold `new_market_categories`). */
export const PREFERENCE_KEYS = [
  'market_resolved',
  'badge_earned',
  'new_market',
  'forecast_reminder',
  'comment_reply',
  'referral_bonus',
] as const satisfies (keyof NotificationPreferences)[];
export type EmailFrequency = NotificationPreferences['email_frequency'];
/** How market results and closing reminders come by email (weekly digest by default). */
export const EMAIL_FREQUENCIES = ['weekly', 'instant', 'off'] as const satisfies EmailFrequency[];
const KEY = ['notification-preferences'];

/** GET /users/me/notification-preferences */
export const getPreferences = () =>
  api.get<NotificationPreferences>('/users/me/notification-preferences');

/** PUT /users/me/notification-preferences */
export const putPreferences = (p: NotificationPreferences) =>
  api.put<NotificationPreferences>('/users/me/notification-preferences', p);

export function usePreferences(enabled: boolean) {
  return useQuery({ queryKey: KEY, queryFn: getPreferences, enabled, retry: false });
}

export function useSavePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: putPreferences,
    onMutate: (next) => {
      const previous = qc.getQueryData<NotificationPreferences>(KEY);
      qc.setQueryData(KEY, next);
      return { previous };
    },
    onError: (_e, _v, ctx) => qc.setQueryData(KEY, ctx?.previous),
  });
}
