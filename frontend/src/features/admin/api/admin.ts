import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '@/lib/api-client';
import type { Category, MarketDetail, MarketSummary } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

export interface AdminStats {
  users?: number;
  active_users?: number;
  markets?: Record<string, number>;
  markets_by_status?: Record<string, number>;
  chips_in_circulation?: number;
  purchases?: number | Record<string, number>;
  [key: string]: unknown;
}

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

export interface CreateMarketInput {
  title: string;
  description: string;
  category: Category;
  outcomes: string[];
  closes_at: string;
  resolves_at?: string;
  max_points_per_user?: number;
}

/** POST /admin/markets */
export const createMarket = (input: CreateMarketInput) =>
  api.post<MarketDetail>('/admin/markets', input);

/** Only the fields to change; outcomes only while nobody has forecast, closes_at only while open. */
export interface EditMarketInput {
  title?: string;
  description?: string;
  category?: Category;
  outcomes?: string[];
  closes_at?: string;
  resolves_at?: string;
  max_points_per_user?: number;
}

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

export interface AdminUser {
  id: string;
  email: string;
  display_name: string;
  role: string;
  status: string;
  chips?: number;
  is_flagged?: boolean;
  flags?: unknown[];
  created_at?: string;
}

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
export const updateUser = (v: { id: string; status?: string; role?: string; reason: string }) => {
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

export interface Flag {
  id: string;
  rule?: string;
  reason?: string;
  subject_type?: string;
  subject_id?: string;
  target_type?: string;
  target_id?: string;
  user?: { id: string; display_name: string } | null;
  created_at?: string;
}

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

export interface AuditEntry {
  id: string | number;
  action: string;
  actor?: { id: string; display_name?: string } | string | null;
  actor_id?: string;
  target_type?: string;
  target_id?: string;
  details?: unknown;
  created_at: string;
}

/** GET /admin/audit-log */
export function useAuditLog(enabled: boolean, page: number) {
  return useQuery({
    queryKey: ['admin', 'audit', page],
    queryFn: () => apiRequest<AuditEntry[]>('/admin/audit-log', { query: { page } }),
    enabled,
    retry: false,
  });
}
