import type { MarketDetail } from '@/lib/api-types';
import type { MessageKey } from '@/lib/i18n';

/**
 * Pari-mutuel payout if outcome `outcomeId` wins after adding `stake` (fee 0):
 * pool T' = T + stake, A_i' = A_i + stake, payout = floor((existing + stake) × T' / A_i').
 */
export function previewPayout(
  market: Pick<MarketDetail, 'outcomes'>,
  outcomeId: string,
  stake: number,
  existingStake = 0,
): number {
  const outcome = market.outcomes.find((o) => o.id === outcomeId);
  if (!outcome || stake <= 0) return 0;
  const total = market.outcomes.reduce((s, o) => s + o.total_points, 0) + stake;
  const onOutcome = outcome.total_points + stake;
  if (onOutcome <= 0) return 0;
  return Math.floor(((existingStake + stake) * total) / onOutcome);
}

/** Chips the user may still add: limited by the balance and the market's per-person cap. */
export function maxStake(
  balance: number,
  maxPerUser: number | null | undefined,
  existingStake: number,
): number {
  const capLeft = maxPerUser == null ? Infinity : Math.max(0, maxPerUser - existingStake);
  return Math.max(0, Math.min(balance, capLeft));
}

export interface SlipError {
  key: MessageKey;
  vars?: Record<string, string | number>;
}

/** Client-side checks before sending; the server checks again. */
export function validateStake(
  raw: string,
  opts: { balance: number; maxPerUser: number | null | undefined; existingStake: number },
): SlipError | null {
  const text = raw.trim();
  if (text === '') return { key: 'slip.err.required' };
  if (!/^-?\d+$/.test(text)) return { key: 'slip.err.integer' };
  const n = Number(text);
  if (n <= 0) return { key: 'slip.err.positive' };
  if (n > opts.balance) return { key: 'slip.err.balance', vars: { amount: opts.balance } };
  if (opts.maxPerUser != null && n > opts.maxPerUser - opts.existingStake) {
    return {
      key: 'slip.err.max',
      vars: { amount: Math.max(0, opts.maxPerUser - opts.existingStake) },
    };
  }
  return null;
}
