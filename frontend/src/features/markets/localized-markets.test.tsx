import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LANG_KEY } from '@/lib/i18n';
import { envelope, mockFetch } from '@/testing/fetch-mock';
import { aMarket, aSummary } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { localizeMarket } from './api/localize';
import { MarketsPage } from './MarketsPage';

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.removeItem(LANG_KEY);
});

const filipino = aMarket({
  title: 'Will it rain in Manila on Friday?',
  title_fil: 'Uulan ba sa Manila sa Biyernes?',
  description_fil: 'OO ang resulta kung umulan ayon sa PAGASA.',
  outcomes: aMarket().outcomes.map((o, i) => ({ ...o, name_fil: i === 0 ? 'Oo' : null })),
});

describe('localized market fields', () => {
  it('shows the Filipino title, description and outcome names in Filipino', () => {
    const m = localizeMarket(filipino, 'fil');
    expect(m.title).toBe('Uulan ba sa Manila sa Biyernes?');
    expect(m.description).toBe('OO ang resulta kung umulan ayon sa PAGASA.');
    expect(m.outcomes.map((o) => o.name)).toEqual(['Oo', 'No']);
    // the numbers are untouched
    expect(m.outcomes[0].probability).toBe(filipino.outcomes[0].probability);
  });

  it('falls back to English where there is no Filipino text, and in English mode', () => {
    const none = aMarket({ title_fil: null, description_fil: '  ' });
    expect(localizeMarket(none, 'fil').title).toBe(none.title);
    expect(localizeMarket(none, 'fil').description).toBe(none.description);
    expect(localizeMarket(filipino, 'en')).toBe(filipino);
  });
});

describe('markets list in Filipino', () => {
  beforeEach(() => localStorage.setItem(LANG_KEY, 'fil'));

  it('shows Filipino titles where a market has one and English otherwise, and asks in Filipino', async () => {
    const { calls } = mockFetch({
      'GET /markets': () => ({
        body: envelope(
          [
            aSummary({ id: 'a', slug: 'a', title: filipino.title, title_fil: filipino.title_fil }),
            aSummary({ id: 'b', slug: 'b', title: 'Only in English?', title_fil: null }),
          ],
          { page: 1, limit: 20, total: 2, pages: 1 },
        ),
      }),
    });
    renderWithProviders(<MarketsPage />);
    expect(
      await screen.findByRole('link', { name: 'Uulan ba sa Manila sa Biyernes?' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Only in English?' })).toBeInTheDocument();
    expect(screen.queryByText('Will it rain in Manila on Friday?')).not.toBeInTheDocument();
    expect(calls[0].headers['accept-language']).toBe('fil');
  });
});
