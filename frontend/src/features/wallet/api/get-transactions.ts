import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';

/** One line of the chip statement; `market` names the market of a forecast, payout or refund. */
export type LedgerEntry = Schemas['StatementLine'];

/** GET /users/me/transactions — the caller's ledger entries, newest first. */
export function getTransactions(page: number) {
  return apiRequest<LedgerEntry[]>('/users/me/transactions', { query: { page } });
}

export function useTransactions(enabled: boolean, page: number) {
  return useQuery({
    queryKey: ['me', 'transactions', page],
    queryFn: () => getTransactions(page),
    enabled,
  });
}
