import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANG_KEY } from '@/lib/i18n';
import { envelope, failure, mockFetch } from '@/testing/fetch-mock';
import { aSummary, aUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import type { HomeFeed } from './api/get-feed';
import { HomePage } from './HomePage';

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

const finals = aSummary({
  id: 'finals',
  slug: 'finals',
  title: 'Will Ginebra win the Finals?',
  title_fil: 'Mananalo ba ang Ginebra?',
});
const typhoon = aSummary({ id: 'typhoon', slug: 'typhoon', title: 'Signal No. 3 tonight?' });
const brownlee = aSummary({ id: 'brownlee', slug: 'brownlee', title: 'Brownlee signs again?' });

function feed(overrides: Partial<HomeFeed> = {}): HomeFeed {
  return {
    trending: [{ market: finals, recent_volume: 1500, recent_forecasters: 12 }],
    closing_soon: [typhoon, finals],
    new_markets: [typhoon],
    watchlist: null,
    for_you: null,
    ...overrides,
  };
}

function visitor(body: HomeFeed) {
  return mockFetch({
    'GET /users/me': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'x') }),
    'POST /auth/refresh': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'x') }),
    'GET /markets/feed': () => ({ body: envelope(body) }),
  });
}

describe('home', () => {
  it('shows the feed sections to a visitor, with the full list a tap away', async () => {
    visitor(feed());
    renderWithProviders(<HomePage />);

    const trending = await screen.findByTestId('feed-trending');
    expect(within(trending).getByRole('heading', { name: 'Trending' })).toBeInTheDocument();
    expect(trending).toHaveTextContent('Will Ginebra win the Finals?');
    expect(within(trending).getByTestId('card-note')).toHaveTextContent(
      '₱1,500 from 12 forecasters today',
    );
    const closing = screen.getByTestId('feed-closing_soon');
    expect(
      within(closing)
        .getAllByRole('article')
        .map((a) => a.textContent),
    ).toEqual([
      expect.stringContaining('Signal No. 3 tonight?'),
      expect.stringContaining('Will Ginebra win the Finals?'),
    ]);
    expect(screen.getByTestId('feed-new_markets')).toBeInTheDocument();
    // Visitors have no personal sections.
    expect(screen.queryByTestId('feed-for_you')).toBeNull();
    expect(screen.queryByTestId('feed-watchlist')).toBeNull();
    expect(screen.getByTestId('all-markets')).toHaveAttribute('router-link', '/markets');
  });

  it('adds the watchlist and markets for a signed-in user and leaves out empty sections', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    const { calls } = mockFetch({
      'GET /users/me': () => ({ body: envelope(aUser()) }),
      'GET /markets/feed': () => ({
        body: envelope(feed({ trending: [], watchlist: [typhoon], for_you: [brownlee] })),
      }),
    });
    renderWithProviders(<HomePage />);

    const forYou = await screen.findByTestId('feed-for_you');
    expect(forYou).toHaveTextContent('Brownlee signs again?');
    expect(forYou).toHaveTextContent('Near the markets you forecast in.');
    expect(screen.getByTestId('feed-watchlist')).toHaveTextContent('Signal No. 3 tonight?');
    expect(screen.queryByTestId('feed-trending')).toBeNull();
    // Asked once the session was known, not once as a visitor and again as the user.
    expect(calls.filter((c) => c.path === '/markets/feed')).toHaveLength(1);
  });

  it('shows Filipino titles in Filipino', async () => {
    localStorage.setItem(LANG_KEY, 'fil');
    visitor(feed());
    renderWithProviders(<HomePage />);
    const trending = await screen.findByTestId('feed-trending');
    expect(trending).toHaveTextContent('Mananalo ba ang Ginebra?');
    expect(within(trending).getByRole('heading', { name: 'Trending' })).toBeInTheDocument();
  });

  it('cards have one-tap outcome buttons that open the slip on that outcome', async () => {
    visitor(feed());
    renderWithProviders(<HomePage />);
    const closing = await screen.findByTestId('feed-closing_soon');
    const buttons = within(within(closing).getAllByRole('article')[0]).getAllByTestId(
      'card-outcome',
    );
    expect(buttons.map((b) => b.getAttribute('href'))).toEqual([
      '/markets/typhoon?outcome=yes',
      '/markets/typhoon?outcome=no',
    ]);
    expect(buttons[0]).toHaveAccessibleName('Forecast Yes on Signal No. 3 tonight?');
    expect(buttons[0]).toHaveTextContent('Yes59%');
  });

  it('offers a retry when the feed cannot be loaded', async () => {
    mockFetch({
      'GET /users/me': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'x') }),
      'POST /auth/refresh': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'x') }),
      'GET /markets/feed': () => ({ status: 500, body: failure('INTERNAL_ERROR', 'x') }),
    });
    renderWithProviders(<HomePage />);
    expect(await screen.findByText('Try again')).toBeInTheDocument();
  });
});
