import type { MarketDetail } from '@/lib/api-types';
import type { MessageKey } from '@/lib/i18n';
import { readChips } from '@/lib/whole-chips';

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
  const input = readChips(raw);
  if (input.kind === 'empty') return { key: 'slip.err.required' };
  if (input.kind === 'fraction') return { key: 'chips.wholeOnly' };
  if (input.kind === 'invalid') return { key: 'slip.err.integer' };
  const n = input.chips;
  if (n <= 0) return { key: 'slip.err.positive' };
  const limit = maxStake(opts.balance, opts.maxPerUser, opts.existingStake);
  if (n > limit) {
    // Name whichever limit binds: the balance, or what the market's per-person cap leaves.
    const capLeft =
      opts.maxPerUser == null ? Infinity : Math.max(0, opts.maxPerUser - opts.existingStake);
    return capLeft < opts.balance
      ? { key: 'slip.err.max', vars: { amount: capLeft } }
      : { key: 'slip.err.balance', vars: { amount: opts.balance } };
  }
  return null;
}
