import { api } from '@/lib/api-client';
import type { MarketDetail, Schemas } from '@/lib/api-types';

export type CreateMarketInput = Schemas['NewMarket'];

/** POST /admin/markets */
export const createMarket = (input: CreateMarketInput) =>
  api.post<MarketDetail>('/admin/markets', input);
