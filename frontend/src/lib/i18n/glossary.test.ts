import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fil } from './fil';
import glossary from './glossary.json';

/** The glossary is shared with the server (its GlossaryTests read the same file). */
describe('glossary', () => {
  const avoided = glossary.avoid_fil.map(
    (word) => [word, new RegExp(`(?<![\\p{L}-])${word}(?![\\p{L}])`, 'iu')] as const,
  );

  it('no Filipino text uses a word the glossary avoids', () => {
    for (const [key, text] of Object.entries(fil)) {
      for (const [word, pattern] of avoided) {
        expect(pattern.test(text), `${key} uses "${word}": ${text}`).toBe(false);
      }
    }
  });

  it('the app names statuses, outcomes and payouts with the glossary words', () => {
    const { terms } = glossary;
    expect(fil['markets.status.resolved']).toBe(terms.resolved.fil);
    expect(en['markets.status.resolved']).toBe(terms.resolved.en);
    expect(fil['markets.status.cancelled']).toBe(terms.cancelled.fil);
    expect(fil['market.positionStatus.refunded']).toBe(terms.refunded.fil);
    expect(en['market.positionStatus.refunded']).toBe(terms.refunded.en);
    expect(fil['market.outcomes'].toLowerCase()).toContain(terms.outcome.fil);
    expect(fil['tab.leaderboard']).toBe(terms.leaderboard.fil);
    expect(fil['slip.payoutIfWins']).toContain(terms.payout.fil);
    expect(fil['market.payout']).toContain(terms.paid_out.fil);
    expect(fil['lb.forecaster']).toBe('Forecaster');
    expect(fil['market.resolvedTo']).toContain(terms.resolved.fil);
  });

  it('chart ranges read as words, not abbreviations', () => {
    expect(fil['market.range.24h']).toBe('24 oras');
    expect(fil['market.range.7d']).toBe('7 araw');
    expect(fil['market.range.30d']).toBe('30 araw');
  });
});
