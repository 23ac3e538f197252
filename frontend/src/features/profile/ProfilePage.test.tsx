import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANG_KEY } from '@/lib/i18n';
import { THEME_KEY } from '@/lib/theme';
import { envelope, failure, mockFetch } from '@/testing/fetch-mock';
import { aUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { ProfilePage } from './ProfilePage';

afterEach(() => vi.unstubAllGlobals());

describe('profile', () => {
  it('invites a logged-out visitor to log in or sign up', async () => {
    mockFetch({
      'GET /users/me': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'x') }),
      'POST /auth/refresh': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'x') }),
    });
    renderWithProviders(<ProfilePage />);
    expect(await screen.findByText('Join Pilimarket')).toBeInTheDocument();
  });

  it('shows chips, reputation, badges, stats and logs out', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    let loggedIn = true;
    const { calls } = mockFetch({
      'GET /users/me': () =>
        loggedIn
          ? { body: envelope(aUser({ role: 'admin', chips: 1234 })) }
          : { status: 401, body: failure('UNAUTHENTICATED', 'x') },
      'GET /users/me/forecasts': (req) => ({
        body: envelope(
          req.query.get('status') === 'won'
            ? []
            : [
                {
                  id: 'f1',
                  market_id: 'm1',
                  outcome_id: 'yes',
                  points: 40,
                  status: 'pending',
                  crowd_probability: 0.5,
                  created_at: new Date().toISOString(),
                  updated_at: new Date().toISOString(),
                  market: { id: 'm1', slug: 'rain', title: 'Rain on Friday?' },
                  outcome_name: 'Yes',
                },
              ],
        ),
      }),
      'GET /users/u1/stats': () => ({
        body: envelope({
          forecasts: 4,
          settled: 2,
          won: 1,
          accuracy: 0.5,
          reputation: 12,
          profit: -30,
        }),
      }),
      'POST /auth/logout': () => {
        loggedIn = false;
        return { body: envelope(null) };
      },
    });
    renderWithProviders(<ProfilePage />);
    expect(await screen.findByTestId('profile-chips')).toHaveTextContent('1,234 chips (₱1,234)');
    expect(screen.getByText('First forecast')).toBeInTheDocument();
    expect(screen.getByText('Placed a first forecast.')).toBeInTheDocument();
    expect(screen.getByText('Admin console')).toBeInTheDocument();
    expect(await screen.findByText('50%')).toBeInTheDocument();
    expect(screen.getByText('-₱30')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Rain on Friday?' })).toHaveAttribute(
      'href',
      '/markets/rain',
    );
    expect(screen.getByText(/₱40 on Yes/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Won' }));
    expect(await screen.findByText('You have not forecast yet.')).toBeInTheDocument();
    await userEvent.click(screen.getByText('Log out'));
    await waitFor(() => expect(calls.some((c) => c.path === '/auth/logout')).toBe(true));
    expect(await screen.findByText('Join Pilimarket')).toBeInTheDocument();
  });

  it('switches language and theme', async () => {
    mockFetch({ 'GET /users/me': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'x') }) });
    renderWithProviders(<ProfilePage />);
    await userEvent.click(screen.getByRole('button', { name: 'Dark' }));
    expect(document.documentElement).toHaveClass('ion-palette-dark');
    expect(localStorage.getItem(THEME_KEY)).toBe('dark');
    await userEvent.click(screen.getByRole('button', { name: 'Light' }));
    expect(document.documentElement).not.toHaveClass('ion-palette-dark');
    await userEvent.click(screen.getByRole('button', { name: 'Filipino' }));
    expect(localStorage.getItem(LANG_KEY)).toBe('fil');
    expect(screen.getByRole('button', { name: 'Sundin ang device' })).toBeInTheDocument();
  });
});
