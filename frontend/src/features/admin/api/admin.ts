import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '@/lib/api-client';
import type { MarketDetail, MarketSummary, Schemas } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

export type AdminStats = Schemas['Stats'];

/** GET /admin/stats */
export const getStats = () => api.get<AdminStats>('/admin/stats');
export function useAdminStats(enabled: boolean) {
  return useQuery({ queryKey: ['admin', 'stats'], queryFn: getStats, enabled, retry: false });
}

/** All markets, any status (GET /markets), for the console's market actions. */
export function useAdminMarkets(enabled: boolean, q: string) {
  return useQuery({
    queryKey: ['admin', 'markets', q],
    queryFn: () =>
      apiRequest<MarketSummary[]>('/markets', {
        query: { q, sort: 'created_at', order: 'desc', limit: 50 },
      }),
    enabled,
    // While a search is typed the rows stay (and keep their open panels) instead of a skeleton.
    placeholderData: keepPreviousData,
  });
}

export type CreateMarketInput = Schemas['NewMarket'];

/** POST /admin/markets */
export const createMarket = (input: CreateMarketInput) =>
  api.post<MarketDetail>('/admin/markets', input);

/** Only the fields to change; outcomes only while nobody has forecast, closes_at only while open. */
export type EditMarketInput = Schemas['MarketEdit'];

/** PATCH /admin/markets/{id} */
export const editMarket = (v: { id: string; changes: EditMarketInput }) =>
  api.patch<MarketDetail>(`/admin/markets/${encodeURIComponent(v.id)}`, v.changes);

export type MarketAction =
  | { kind: 'suspend' | 'resume' | 'close' }
  | { kind: 'resolve'; outcome_id: string; evidence_urls: string[]; resolution_note: string }
  | { kind: 'cancel'; reason: string };

/** POST /admin/markets/{id}/{suspend|resume|close|resolve|cancel} */
export function runMarketAction(id: string, action: MarketAction): Promise<unknown> {
  const { kind, ...body } = action;
  return api.post(`/admin/markets/${encodeURIComponent(id)}/${kind}`, body);
}

export function useAdminMutation<TVars>(fn: (v: TVars) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['admin'] });
      void qc.invalidateQueries({ queryKey: queryKeys.markets });
      void qc.invalidateQueries({ queryKey: ['market'] });
    },
  });
}

export type AdminUser = Schemas['AdminUserView'];

/** GET /admin/users?q= */
export function useAdminUsers(enabled: boolean, q: string) {
  return useQuery({
    queryKey: ['admin', 'users', q],
    queryFn: () => apiRequest<AdminUser[]>('/admin/users', { query: { q } }),
    enabled,
    retry: false,
  });
}

/** PATCH /admin/users/{id} */
export const updateUser = (v: { id: string } & Schemas['ChangeRequest']) => {
  const { id, ...body } = v;
  return api.patch(`/admin/users/${encodeURIComponent(id)}`, body);
};

/**
 * POST /admin/users/{id}/grant — positive or negative, always audited. The key makes a double
 * submit (or a retry after a lost answer) grant once.
 */
export const grantChips = (v: { id: string; chips: number; reason: string; key: string }) =>
  api.post(
    `/admin/users/${encodeURIComponent(v.id)}/grant`,
    { chips: v.chips, reason: v.reason },
    v.key,
  );

export type Flag = Schemas['FlagView'];

/** GET /admin/flags */
export function useFlags(enabled: boolean) {
  return useQuery({
    queryKey: ['admin', 'flags'],
    queryFn: () => apiRequest<Flag[]>('/admin/flags'),
    enabled,
    retry: false,
  });
}

/** POST /admin/flags/{id}/clear */
export const clearFlag = ({ id, reason }: { id: string; reason: string }) =>
  api.post(`/admin/flags/${encodeURIComponent(id)}/clear`, { reason });

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

export type AuditEntry = Schemas['AuditEntry'];

/** GET /admin/audit-log */
export function useAuditLog(enabled: boolean, page: number) {
  return useQuery({
    queryKey: ['admin', 'audit', page],
    queryFn: () => apiRequest<AuditEntry[]>('/admin/audit-log', { query: { page } }),
    enabled,
    retry: false,
  });
}
