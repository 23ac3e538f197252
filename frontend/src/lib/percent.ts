/**
 * Whole percentages that add up to exactly 100 (largest remainder): each share is rounded down,
 * then the points still missing go to the shares with the largest fractional parts (ties to the
 * earlier one). Rounding each share on its own shows 34 % + 33 % + 34 % = 101 %.
 */
export function percentsSummingTo100(shares: readonly number[]): number[] {
  const clean = shares.map((s) => (Number.isFinite(s) && s > 0 ? s : 0));
  const total = clean.reduce((a, b) => a + b, 0);
  if (total <= 0) return clean.map(() => 0);
  const exact = clean.map((s) => (s / total) * 100);
  const floors = exact.map(Math.floor);
  let missing = 100 - floors.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((e, i) => ({ i, rest: e - floors[i] }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of byRemainder) {
    if (missing <= 0) break;
    floors[i] += 1;
    missing -= 1;
  }
  return floors;
}

/**
 * The label of a whole percentage from {@link percentsSummingTo100}: a share that rounds to 0 % but
 * is not zero reads "<1%", one that rounds to 100 % while others are not zero reads ">99%".
 */
export function percentLabel(pct: number, share: number): string {
  if (pct === 0 && share > 0) return '<1%';
  if (pct === 100 && share < 1) return '>99%';
  return `${pct}%`;
}

/** Outcome id → its percentage label, rounded so that the outcomes of a market add up to 100 %. */
export function outcomePercents(
  outcomes: readonly { id: string; probability: number }[],
): Map<string, string> {
  const pcts = percentsSummingTo100(outcomes.map((o) => o.probability));
  return new Map(outcomes.map((o, i) => [o.id, percentLabel(pcts[i], o.probability)]));
}

/**
 * Outcomes most likely first (ties keep the market's order), each with its colour index in the
 * market's order, so a colour does not change when the order does. Cards, the market page and the
 * slip all list outcomes in this order.
 */
export function byProbability<T extends { probability: number }>(
  outcomes: readonly T[],
): (T & { index: number })[] {
  return outcomes
    .map((o, index) => ({ ...o, index }))
    .sort((a, b) => b.probability - a.probability || a.index - b.index);
}
