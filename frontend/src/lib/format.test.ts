import { describe, expect, it } from 'vitest';
import {
  closesIn,
  formatCentavos,
  formatChips,
  formatCompactPeso,
  formatDate,
  formatDateTime,
  formatMultiplier,
  formatNumber,
  formatPercent,
  formatPeso,
  formatRelative,
} from './format';

describe('peso and chip formatting', () => {
  it('shows whole chips as pesos without decimals', () => {
    expect(formatPeso(1234)).toBe('₱1,234');
    expect(formatPeso(0)).toBe('₱0');
    expect(formatPeso(1000000)).toBe('₱1,000,000');
  });

  it('keeps centavos for fractional amounts', () => {
    expect(formatPeso(12.5)).toBe('₱12.50');
    expect(formatCentavos(123450)).toBe('₱1,234.50');
    expect(formatCentavos(50000)).toBe('₱500');
    expect(formatPeso(Number.NaN)).toBe('₱0');
  });

  it('shows chips with their peso value', () => {
    expect(formatChips(1234)).toBe('1,234 chips (₱1,234)');
    expect(formatChips(1)).toBe('1 chip (₱1)');
    expect(formatNumber(9876543)).toBe('9,876,543');
  });

  it('compacts large volumes', () => {
    expect(formatCompactPeso(1_234_567)).toBe('₱1.2M');
    expect(formatCompactPeso(12_345)).toBe('₱12.3K');
    expect(formatCompactPeso(950)).toBe('₱950');
    expect(formatCompactPeso(250_000)).toBe('₱250K');
    expect(formatCompactPeso(2_000_000_000)).toBe('₱2B');
    expect(formatCompactPeso(-1500)).toBe('-₱1.5K');
  });
});

describe('percentages', () => {
  it('rounds probabilities to whole percents', () => {
    expect(formatPercent(0.634)).toBe('63%');
    expect(formatPercent(0.005)).toBe('<1%');
    expect(formatPercent(0.996)).toBe('>99%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.1234, 1)).toBe('12.3%');
    expect(formatPercent(Number.NaN)).toBe('–');
  });

  it('formats multipliers', () => {
    expect(formatMultiplier(2.345)).toBe('2.35×');
    expect(formatMultiplier(0)).toBe('–');
  });
});

describe('dates in Manila', () => {
  it('shows a UTC instant in Manila time (UTC+8)', () => {
    const s = formatDateTime('2026-11-25T08:00:00Z');
    expect(s).toContain('Nov 25, 2026');
    expect(s).toMatch(/4:00\s?PM/);
    expect(formatDate('2026-11-25T20:00:00Z')).toBe('Nov 26, 2026');
    expect(formatDateTime('not a date')).toBe('');
  });

  it('describes relative times', () => {
    const now = new Date('2026-11-25T08:00:00Z');
    expect(formatRelative('2026-11-28T08:00:00Z', now)).toBe('in 3 days');
    expect(formatRelative('2026-11-25T07:55:00Z', now)).toBe('5 min. ago');
    expect(formatRelative('2026-11-25T08:00:10Z', now)).toBe('now');
    expect(formatRelative('2026-11-25T10:00:00Z', now)).toBe('in 2 hr.');
  });

  it('says how long until a market closes, or null once closed', () => {
    const now = new Date('2026-11-25T08:00:00Z');
    expect(closesIn('2026-12-02T08:00:00Z', now)).toBe('in 1 wk.');
    expect(closesIn('2026-11-20T08:00:00Z', now)).toBeNull();
    expect(closesIn('2026-11-26T08:00:00Z', now, 'fil')).toMatch(/araw/);
  });
});
