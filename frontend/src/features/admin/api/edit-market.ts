import { api } from '@/lib/api-client';
import type { MarketDetail, Schemas } from '@/lib/api-types';

/** Only the fields to change; outcomes only while nobody has forecast, closes_at only while open. */
export type EditMarketInput = Schemas['MarketEdit'];

/** PATCH /admin/markets/{id} */
export const editMarket = (v: { id: string; changes: EditMarketInput }) =>
  api.patch<MarketDetail>(`/admin/markets/${encodeURIComponent(v.id)}`, v.changes);
