import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

export type Provider = Schemas['PaymentProvider'];
export const PROVIDERS: Provider[] = ['gcash', 'paymaya', 'stripe'];

export type PurchaseStatus = Schemas['PurchaseStatus'];

export type Purchase = Schemas['PurchaseView'];

export type CreatePurchaseInput = { provider: Provider } & (
  { package_id: string; chips?: never } | { chips: number; package_id?: never }
);

/** POST /purchases — starts a checkout; the key makes a double tap create one purchase. */
export function createPurchase(
  input: CreatePurchaseInput,
  idempotencyKey: string,
): Promise<Purchase> {
  return api.post<Purchase>('/purchases', input, idempotencyKey);
}

export function useCreatePurchase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: CreatePurchaseInput; key: string }) =>
      createPurchase(input, key),
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.purchases }),
  });
}

/** GET /purchases — the caller's purchases. */
export function getPurchases(page: number) {
  return apiRequest<Purchase[]>('/purchases', { query: { page } });
}

export function usePurchases(enabled: boolean, page = 1) {
  return useQuery({
    queryKey: [...queryKeys.purchases, page],
    queryFn: () => getPurchases(page),
    enabled,
  });
}

/** GET /purchases/{id} */
export function getPurchase(id: string): Promise<Purchase> {
  return api.get<Purchase>(`/purchases/${encodeURIComponent(id)}`);
}

/** Polls a purchase every 2 s until the provider's verdict arrives. */
export function usePurchaseStatus(id: string | null) {
  return useQuery({
    queryKey: [...queryKeys.purchases, 'one', id],
    queryFn: () => getPurchase(id!),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'pending' ? false : 2000),
  });
}
