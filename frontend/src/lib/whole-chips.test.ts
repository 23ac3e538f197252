import { describe, expect, it } from 'vitest';
import { keepTyping, readChips } from './whole-chips';

describe('whole chips', () => {
  it('refuses decimals instead of multiplying them by ten', () => {
    expect(readChips('1.5')).toEqual({ kind: 'fraction' });
    expect(readChips('2,5')).toEqual({ kind: 'fraction' });
    expect(readChips('.5')).toEqual({ kind: 'fraction' });
    expect(readChips('10.')).toEqual({ kind: 'fraction' });
    // What the old input did: strip the dot and read 15.
    expect(keepTyping('1.5')).toBe('1.5');
  });

  it('reads whole numbers, with or without grouping', () => {
    expect(readChips('15')).toEqual({ kind: 'whole', chips: 15 });
    expect(readChips(' 1,000 ')).toEqual({ kind: 'whole', chips: 1000 });
    expect(readChips('12 500')).toEqual({ kind: 'whole', chips: 12500 });
    expect(readChips('-5')).toEqual({ kind: 'whole', chips: -5 });
  });

  it('tells empty and nonsense apart', () => {
    expect(readChips('')).toEqual({ kind: 'empty' });
    expect(readChips('abc')).toEqual({ kind: 'invalid' });
    expect(readChips('1-2')).toEqual({ kind: 'invalid' });
    expect(keepTyping('₱1a0')).toBe('10');
  });
});
