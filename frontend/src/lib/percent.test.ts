import { describe, expect, it } from 'vitest';
import { byProbability, outcomePercents, percentLabel, percentsSummingTo100 } from './percent';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('percentages that add up to 100', () => {
  it('gives the missing point to the largest remainder (not 34 + 33 + 34 = 101)', () => {
    // Rounded one by one: 34 %, 33 %, 34 % = 101 %.
    expect(percentsSummingTo100([0.335, 0.33, 0.335])).toEqual([34, 33, 33]);
    expect(percentsSummingTo100([0.505, 0.495])).toEqual([51, 49]);
    expect(percentsSummingTo100([1 / 3, 1 / 3, 1 / 3])).toEqual([34, 33, 33]);
  });

  it('always sums to exactly 100 for any shares', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let run = 0; run < 500; run++) {
      const k = 2 + Math.floor(random() * 19);
      const raw = Array.from({ length: k }, () => random());
      const total = sum(raw);
      const pcts = percentsSummingTo100(raw.map((r) => r / total));
      expect(sum(pcts)).toBe(100);
      pcts.forEach((p, i) => expect(Math.abs(p - (raw[i] / total) * 100)).toBeLessThan(1));
    }
  });

  it('is all zeros when there is nothing to share', () => {
    expect(percentsSummingTo100([0, 0])).toEqual([0, 0]);
  });

  it('labels tiny and near-certain shares honestly', () => {
    expect(percentLabel(0, 0.003)).toBe('<1%');
    expect(percentLabel(100, 0.997)).toBe('>99%');
    expect(percentLabel(0, 0)).toBe('0%');
    expect(percentLabel(42, 0.42)).toBe('42%');
  });

  it('maps outcome ids to labels', () => {
    const labels = outcomePercents([
      { id: 'a', probability: 0.335 },
      { id: 'b', probability: 0.33 },
      { id: 'c', probability: 0.335 },
    ]);
    expect([...labels.values()]).toEqual(['34%', '33%', '33%']);
  });
});

describe('outcome order', () => {
  it('puts the most likely first, keeps market order on ties and remembers the colour index', () => {
    const sorted = byProbability([
      { id: 'a', probability: 0.2 },
      { id: 'b', probability: 0.5 },
      { id: 'c', probability: 0.3 },
      { id: 'd', probability: 0.3 },
    ]);
    expect(sorted.map((o) => o.id)).toEqual(['b', 'c', 'd', 'a']);
    expect(sorted.map((o) => o.index)).toEqual([1, 2, 3, 0]);
  });
});
