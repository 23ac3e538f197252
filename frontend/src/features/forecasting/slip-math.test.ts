import { describe, expect, it } from 'vitest';
import { aMarket } from '@/testing/fixtures';
import { maxStake, previewPayout, validateStake } from './slip-math';

describe('payout preview', () => {
  const market = aMarket(); // Yes 600, No 400, T = 1000

  it('pays stake × new pool / new outcome total, rounded down', () => {
    // T' = 1100, A_yes' = 700 → floor(100 × 1100 / 700) = 157
    expect(previewPayout(market, 'yes', 100)).toBe(157);
    // A_no' = 500 → floor(100 × 1100 / 500) = 220
    expect(previewPayout(market, 'no', 100)).toBe(220);
  });

  it('includes the existing stake when topping up', () => {
    // floor((50 + 100) × 1100 / 700) = 235
    expect(previewPayout(market, 'yes', 100, 50)).toBe(235);
  });

  it('gives the whole pool to the only backer of an empty outcome', () => {
    const empty = aMarket({
      outcomes: [
        { ...aMarket().outcomes[0], total_points: 300 },
        { ...aMarket().outcomes[1], total_points: 0 },
      ],
    });
    expect(previewPayout(empty, 'no', 10)).toBe(310);
  });

  it('is zero without a stake or for an unknown outcome', () => {
    expect(previewPayout(market, 'yes', 0)).toBe(0);
    expect(previewPayout(market, 'maybe', 10)).toBe(0);
  });
});

describe('stake validation', () => {
  const opts = { balance: 300, maxPerUser: 500, existingStake: 250 };

  it('requires a whole positive number', () => {
    expect(validateStake('', opts)?.key).toBe('slip.err.required');
    expect(validateStake('1.5', opts)?.key).toBe('chips.wholeOnly');
    expect(validateStake('2,5', opts)?.key).toBe('chips.wholeOnly');
    expect(validateStake('.5', opts)?.key).toBe('chips.wholeOnly');
    expect(validateStake('abc', opts)?.key).toBe('slip.err.integer');
    expect(validateStake('0', opts)?.key).toBe('slip.err.positive');
    expect(validateStake('-5', opts)?.key).toBe('slip.err.positive');
  });

  it('reads digit grouping as a whole number', () => {
    expect(
      validateStake('1,000', { balance: 2000, maxPerUser: null, existingStake: 0 }),
    ).toBeNull();
  });

  it('names the limit that binds: the balance or what the cap leaves', () => {
    // Balance 900, cap 10,000 with 100 placed: the balance binds, not "9,900 more".
    expect(validateStake('901', { balance: 900, maxPerUser: 10_000, existingStake: 100 })).toEqual({
      key: 'slip.err.balance',
      vars: { amount: 900 },
    });
  });

  it('refuses more than the balance', () => {
    expect(validateStake('301', { ...opts, maxPerUser: null })).toEqual({
      key: 'slip.err.balance',
      vars: { amount: 300 },
    });
  });

  it('refuses more than the per-person limit minus the existing stake', () => {
    expect(validateStake('251', opts)).toEqual({ key: 'slip.err.max', vars: { amount: 250 } });
    expect(validateStake('250', opts)).toBeNull();
  });

  it('computes the largest allowed stake', () => {
    expect(maxStake(300, 500, 250)).toBe(250);
    expect(maxStake(100, 500, 0)).toBe(100);
    expect(maxStake(100, null, 0)).toBe(100);
    expect(maxStake(100, 200, 300)).toBe(0);
  });
});
