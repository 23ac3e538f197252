import { useQuery } from '@tanstack/react-query';
import { api, apiRequest } from '@/lib/api-client';
import type { Category, Schemas } from '@/lib/api-types';

export type Period = 'weekly' | 'monthly' | 'all_time';
export type Metric = 'skill' | 'profit';
export const PERIODS: Period[] = ['weekly', 'monthly', 'all_time'];
export const METRICS: Metric[] = ['skill', 'profit'];

export type LeaderboardEntry = Schemas['LeaderboardEntry'];

export interface LeaderboardQuery {
  period: Period;
  metric: Metric;
  category: Category | '';
  page: number;
}

/** GET /leaderboard */
export function getLeaderboard(q: LeaderboardQuery) {
  return apiRequest<LeaderboardEntry[]>('/leaderboard', {
    query: { period: q.period, metric: q.metric, category: q.category, page: q.page, limit: 50 },
  });
}

export function useLeaderboard(q: LeaderboardQuery) {
  return useQuery({ queryKey: ['leaderboard', q], queryFn: () => getLeaderboard(q) });
}

export type MyRankQuery = Omit<LeaderboardQuery, 'page'>;

/** GET /leaderboard/me — the caller's line on the same board, or null when not ranked on it. */
export function getMyRank(q: MyRankQuery): Promise<LeaderboardEntry | null> {
  return api.get<LeaderboardEntry | null>('/leaderboard/me', {
    period: q.period,
    metric: q.metric,
    category: q.category,
  });
}

export function useMyRank(q: MyRankQuery, enabled: boolean) {
  return useQuery({
    queryKey: ['leaderboard', 'me', q],
    queryFn: () => getMyRank(q),
    enabled,
  });
}
