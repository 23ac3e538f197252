import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope, mockFetch } from '@/testing/fetch-mock';
import { aSummary, aUser } from '@/testing/fixtures';
import { App } from './App';

afterEach(() => vi.unstubAllGlobals());

describe('app shell', () => {
  it('redirects / to the home feed with tabs and the chip balance', async () => {
    mockFetch({
      'GET /users/me': () => ({ body: envelope(aUser({ chips: 4321 })) }),
      'GET /markets/feed': () => ({
        body: envelope({
          trending: [],
          closing_soon: [aSummary()],
          new_markets: [],
          watchlist: [],
          for_you: [],
        }),
      }),
      'GET /notifications/unread-count': () => ({ body: envelope({ count: 0 }) }),
    });
    window.history.pushState({}, '', '/');
    render(<App />);
    expect(await screen.findByText('Will it rain in Manila on Friday?')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/home');
    // The phone's tab bar and the desktop header navigation (CSS shows one of them).
    expect(screen.getAllByText('Leaderboard')).toHaveLength(2);
    expect(screen.getAllByText('Portfolio')).toHaveLength(2);
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    const balance = await screen.findByLabelText('Your balance: 4,321 chips (₱4,321)');
    expect(balance).toHaveTextContent('4,321 chips (₱4,321)');
    expect(document.title).toBe('Home · Pilimarket');
  });
});
