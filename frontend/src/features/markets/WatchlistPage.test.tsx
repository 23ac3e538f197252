import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope, failure, mockFetch } from '@/testing/fetch-mock';
import { aSummary, aUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { WatchlistPage } from './WatchlistPage';

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.removeItem('pm.session');
});

describe('watchlist', () => {
  it('lists the watched markets from the server', async () => {
    localStorage.setItem('pm.session', '1');
    const { calls } = mockFetch({
      'GET /users/me': () => ({ body: envelope(aUser()) }),
      'GET /users/me/watchlist': () => ({
        body: envelope(
          [
            aSummary({ id: 'a', slug: 'a', title: 'Will Gilas qualify?' }),
            aSummary({
              id: 'b',
              slug: 'b',
              title: 'BTC above ₱5M?',
              status: 'resolved',
              winning_outcome_id: 'yes',
            }),
          ],
          { page: 1, limit: 20, total: 2, pages: 1 },
        ),
      }),
    });
    renderWithProviders(<WatchlistPage />, { path: '/watchlist' });
    expect(await screen.findByRole('link', { name: 'Will Gilas qualify?' })).toHaveAttribute(
      'href',
      '/markets/a',
    );
    expect(screen.getByTestId('card-winner')).toHaveTextContent('Winner: Yes');
    expect(calls.find((c) => c.path === '/users/me/watchlist')?.query.get('page')).toBe('1');
  });

  it('says how to fill an empty watchlist', async () => {
    localStorage.setItem('pm.session', '1');
    mockFetch({
      'GET /users/me': () => ({ body: envelope(aUser()) }),
      'GET /users/me/watchlist': () => ({
        body: envelope([], { page: 1, limit: 20, total: 0, pages: 0 }),
      }),
    });
    renderWithProviders(<WatchlistPage />, { path: '/watchlist' });
    expect(await screen.findByText('You are not watching any markets yet.')).toBeInTheDocument();
    expect(screen.getByText('Tap Watch on a market to follow it here.')).toBeInTheDocument();
  });

  it('asks a visitor to log in, without asking the server', async () => {
    const { calls } = mockFetch({
      'GET /users/me': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'x') }),
    });
    renderWithProviders(<WatchlistPage />, { path: '/watchlist' });
    expect(await screen.findByText('Log in to see your watchlist.')).toBeInTheDocument();
    expect(calls.some((c) => c.path === '/users/me/watchlist')).toBe(false);
  });
});
