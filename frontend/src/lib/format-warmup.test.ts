import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDateTime, formatPeso, formatRelative, warmUpFormatters } from './format';

afterEach(() => vi.restoreAllMocks());

describe('formatter warm-up', () => {
  it('makes the first screen’s formatters ahead of the first render', () => {
    warmUpFormatters('fil');
    const relative = vi.spyOn(Intl, 'RelativeTimeFormat');
    const number = vi.spyOn(Intl, 'NumberFormat');
    const date = vi.spyOn(Intl, 'DateTimeFormat');
    const now = new Date('2026-11-25T00:00:00Z');
    expect(formatRelative(new Date('2026-11-28T00:00:00Z'), now, 'fil')).toBe('sa 3 araw');
    expect(formatRelative(new Date('2026-11-20T00:00:00Z'), now, 'fil')).toContain('5');
    expect(formatPeso(1234)).toBe('₱1,234');
    expect(formatDateTime('2026-11-25T08:00:00Z')).toContain('2026');
    expect(relative).not.toHaveBeenCalled();
    expect(number).not.toHaveBeenCalled();
    expect(date).not.toHaveBeenCalled();
  });
});
