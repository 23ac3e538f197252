import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getFeed } from '@/features/markets/api/get-feed';
import { getMarket } from '@/features/markets/api/get-market';
import { DEFAULT_MARKET_FILTERS, getMarkets } from '@/features/markets/api/get-markets';
import { MarketDetailPage } from '@/features/markets/MarketDetailPage';
import { MarketsPage } from '@/features/markets/MarketsPage';
import { clearPrimed, primedSettled } from '@/lib/primed';
import { envelope, mockFetch } from '@/testing/fetch-mock';
import { aMarket, aSummary } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { earlyRequestFor, startEarlyRequests } from './early-requests';

afterEach(() => {
  clearPrimed();
  vi.unstubAllGlobals();
});

const onePage = { page: 1, limit: 20, total: 1, pages: 1 };

/** The URL of the one request `run` makes. */
async function urlOf(run: () => unknown): Promise<string> {
  const { fn } = mockFetch({});
  await Promise.resolve(run()).catch(() => {});
  clearPrimed();
  vi.unstubAllGlobals();
  expect(fn).toHaveBeenCalledTimes(1);
  return String(fn.mock.calls[0][0]);
}

describe('early requests', () => {
  it('asks for exactly the first page the markets list asks for', async () => {
    const page = await urlOf(() => getMarkets({ ...DEFAULT_MARKET_FILTERS }, 1));
    expect(await urlOf(() => startEarlyRequests('/markets'))).toBe(page);
    expect(page).toContain('status=open');
  });

  it('asks for the filtered first page of a shared markets list link', async () => {
    const page = await urlOf(() =>
      getMarkets({ category: 'sports', status: '', sort: 'volume', q: 'gilas' }, 1),
    );
    expect(
      await urlOf(() =>
        startEarlyRequests('/markets', '?q=gilas&category=sports&status=any&sort=volume'),
      ),
    ).toBe(page);
    expect(page).toContain('category=sports');
    expect(page).not.toContain('status=');
  });

  it('asks for exactly the home feed the first screen asks for', async () => {
    const feed = await urlOf(() => getFeed());
    expect(await urlOf(() => startEarlyRequests('/'))).toBe(feed);
    expect(await urlOf(() => startEarlyRequests('/home'))).toBe(feed);
    expect(feed).toContain('/markets/feed');
  });

  it('asks for the market of a market page as the page does', async () => {
    const detail = await urlOf(() => getMarket('will-it-rain'));
    expect(await urlOf(() => startEarlyRequests('/markets/will-it-rain'))).toBe(detail);
    expect(earlyRequestFor('/markets/will-it-rain/')?.path).toBe('/markets/will-it-rain');
  });

  it('asks for nothing on other pages', () => {
    for (const path of [
      '/leaderboard',
      '/profile',
      '/markets/a/b',
      '/users/1',
      '/markets/%E0%A4%A',
    ]) {
      expect(earlyRequestFor(path), path).toBeNull();
    }
  });

  it('lets the markets list render its first page without asking again', async () => {
    const { fn } = mockFetch({
      'GET /markets': () => ({ body: envelope([aSummary({ title: 'Primed market' })], onePage) }),
    });
    startEarlyRequests('/markets');
    await primedSettled(1000);
    renderWithProviders(<MarketsPage />);
    // in the first render: no skeleton, no second request
    expect(screen.getByText('Primed market')).toBeInTheDocument();
    expect(screen.queryByRole('status', { name: 'Loading…' })).not.toBeInTheDocument();
    expect(fn.mock.calls.filter(([u]) => String(u).includes('/markets?'))).toHaveLength(1);
  });

  it('lets a market page render its market without asking again', async () => {
    const market = aMarket({ title: 'Primed detail' });
    const { calls } = mockFetch({
      [`GET /markets/${market.slug}`]: () => ({ body: envelope(market) }),
      [`GET /markets/${market.id}/history`]: () => ({ body: envelope([]) }),
      [`GET /markets/${market.id}/forecasts`]: () => ({ body: envelope([]) }),
    });
    startEarlyRequests(`/markets/${market.slug}`);
    await primedSettled(1000);
    renderWithProviders(<MarketDetailPage />, {
      path: `/markets/${market.slug}`,
      route: '/markets/:slug',
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Primed detail' })).toBeInTheDocument();
    expect(calls.filter((c) => c.path === `/markets/${market.slug}`)).toHaveLength(1);
  });
});
