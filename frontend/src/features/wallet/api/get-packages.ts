import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export interface ChipPackage {
  id: string;
  chips: number;
  amount_cents: number;
  currency: string;
}

/** GET /purchases/packages */
export function getPackages(): Promise<ChipPackage[]> {
  return api.get<ChipPackage[]>('/purchases/packages');
}

export function usePackages() {
  return useQuery({ queryKey: ['purchase-packages'], queryFn: getPackages, staleTime: 300_000 });
}
