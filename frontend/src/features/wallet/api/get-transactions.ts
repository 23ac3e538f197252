import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';

export type LedgerEntry = Schemas['LedgerEntryView'];

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
