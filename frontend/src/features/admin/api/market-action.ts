import { api } from '@/lib/api-client';

export type MarketAction =
  | { kind: 'suspend' | 'resume' | 'close' }
  | { kind: 'resolve'; outcome_id: string; evidence_urls: string[]; resolution_note: string }
  | { kind: 'cancel'; reason: string };

/** POST /admin/markets/{id}/{suspend|resume|close|resolve|cancel} */
export function runMarketAction(id: string, action: MarketAction): Promise<unknown> {
  const { kind, ...body } = action;
  return api.post(`/admin/markets/${encodeURIComponent(id)}/${kind}`, body);
}
