/**
 * True when a market would still take forecasts after its expected answer: `closes_at` later than
 * `resolves_at` (both `datetime-local` values in Manila time, which compare as text). Pari-mutuel
 * payouts would then reward forecasts made once the outcome is known.
 */
export function closesAfterResolves(closesAt: string, resolvesAt: string): boolean {
  return !!closesAt && !!resolvesAt && closesAt > resolvesAt;
}
