import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';

export type ChipPackage = Schemas['ChipPackage'];

/** GET /purchases/packages */
export function getPackages(): Promise<ChipPackage[]> {
  return api.get<ChipPackage[]>('/purchases/packages');
}

export function usePackages() {
  return useQuery({ queryKey: ['purchase-packages'], queryFn: getPackages, staleTime: 300_000 });
}

export type PurchaseLimits = Schemas['PurchaseLimits'];

/** GET /purchases/limits — the custom amount's bounds and the daily limit, as the server enforces them. */
export function getPurchaseLimits(): Promise<PurchaseLimits> {
  return api.get<PurchaseLimits>('/purchases/limits');
}

export function usePurchaseLimits() {
  return useQuery({
    queryKey: ['purchase-limits'],
    queryFn: getPurchaseLimits,
    staleTime: 300_000,
  });
}
