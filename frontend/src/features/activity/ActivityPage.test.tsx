import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SESSION_HINT_KEY } from '@/lib/session-flag';
import { envelope, failure, mockFetch } from '@/testing/fetch-mock';
import { aUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { ActivityPage } from './ActivityPage';

afterEach(() => vi.unstubAllGlobals());

describe('activity feed', () => {
  it('says which outcome was backed or won and which badge was earned, in both languages', async () => {
    const now = new Date().toISOString();
    mockFetch({
      'GET /activity': () => ({
        body: envelope([
          {
            id: '1',
            activity_type: 'forecast_placed',
            user: { id: 'u', display_name: 'Ana', handle: 'ana', avatar_url: null },
            market: { id: 'm', slug: 'rain', title: 'Rain?' },
            outcome: { id: 'o1', name: 'Yes' },
            metadata: { outcome_id: 'o1', points: 25 },
            created_at: now,
          },
          {
            id: '2',
            activity_type: 'market_resolved',
            user: null,
            market: { id: 'm', slug: 'rain', title: 'Rain?' },
            outcome: { id: 'o2', name: 'No' },
            metadata: { outcome_id: 'o2' },
            created_at: now,
          },
          {
            id: '3',
            activity_type: 'badge_earned',
            user: { id: 'u', display_name: 'Ana', handle: 'ana', avatar_url: null },
            market: null,
            outcome: null,
            metadata: { badge: 'some_new_badge', name: 'Night owl' },
            created_at: now,
          },
        ]),
      }),
    });
    const { unmount } = renderWithProviders(<ActivityPage />);
    expect(await screen.findByRole('link', { name: 'Ana backed “Yes” on Rain?' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Rain? resolved: “No” won' })).toBeVisible();
    expect(screen.getByText('Ana earned the “Night owl” badge')).toBeVisible();
    unmount();

    localStorage.setItem('pm.lang', 'fil');
    renderWithProviders(<ActivityPage />);
    expect(
      await screen.findByRole('link', { name: 'Pinili ni Ana ang “Yes” sa Rain?' }),
    ).toBeVisible();
    expect(screen.getByText('Nakuha ni Ana ang “Night owl” badge')).toBeVisible();
    localStorage.removeItem('pm.lang');
  });

  it('describes each activity and pages through the feed', async () => {
    const now = new Date().toISOString();
    mockFetch({
      'GET /activity': (req) => ({
        body: envelope(
          req.query.get('page') === '2'
            ? [
                {
                  id: '9',
                  activity_type: 'user_registered',
                  user: { id: 'u', display_name: 'Lito', avatar_url: null },
                  market: null,
                  metadata: null,
                  created_at: now,
                },
              ]
            : [
                {
                  id: '1',
                  activity_type: 'forecast_placed',
                  user: { id: 'u', display_name: 'Ana', handle: 'ana', avatar_url: null },
                  market: { id: 'm', slug: 'rain', title: 'Rain?' },
                  metadata: null,
                  created_at: now,
                },
                {
                  id: '2',
                  activity_type: 'market_resolved',
                  user: null,
                  market: { id: 'm', title: 'Rain?' },
                  metadata: null,
                  created_at: now,
                },
                {
                  id: '3',
                  activity_type: 'something_new',
                  user: null,
                  market: null,
                  metadata: null,
                  created_at: now,
                },
              ],
          { page: Number(req.query.get('page')), limit: 30, total: 31, pages: 2 },
        ),
      }),
    });
    renderWithProviders(<ActivityPage />);
    expect(await screen.findByRole('link', { name: 'Ana forecast on Rain?' })).toHaveAttribute(
      'href',
      '/markets/rain',
    );
    expect(screen.getByRole('link', { name: 'Rain? was resolved' })).toHaveAttribute(
      'href',
      '/markets/m',
    );
    expect(screen.getByText('Someone: something new')).toBeInTheDocument();
    await userEvent.click(screen.getByText('Next'));
    expect(await screen.findByText('Lito joined Pilimarket')).toBeInTheDocument();
  });

  it('has an empty state', async () => {
    mockFetch({ 'GET /activity': () => ({ body: envelope([]) }) });
    renderWithProviders(<ActivityPage />);
    expect(await screen.findByText('Nothing has happened yet.')).toBeInTheDocument();
  });

  it('switches to the feed of the people one follows, and asks a visitor to log in for it', async () => {
    const now = new Date().toISOString();
    let signedIn = false;
    const { calls } = mockFetch({
      'GET /users/me': () =>
        signedIn
          ? { body: envelope(aUser()) }
          : { status: 401, body: failure('UNAUTHENTICATED', 'x') },
      'POST /auth/refresh': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'x') }),
      'GET /activity': (req) => ({
        body: envelope(
          req.query.get('following') === 'true'
            ? [
                {
                  id: 'f1',
                  activity_type: 'user_registered',
                  user: { id: 'u9', display_name: 'Bea', handle: 'bea', avatar_url: null },
                  market: null,
                  outcome: null,
                  metadata: {},
                  created_at: now,
                },
              ]
            : [],
        ),
      }),
    });
    const { unmount } = renderWithProviders(<ActivityPage />, { path: '/activity?following=true' });
    expect(
      await screen.findByText('Log in to see what the people you follow are doing.'),
    ).toBeVisible();
    unmount();

    signedIn = true;
    localStorage.setItem(SESSION_HINT_KEY, '1');
    renderWithProviders(<ActivityPage />, { path: '/activity' });
    expect(await screen.findByText('Nothing has happened yet.')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Following' }));
    expect(await screen.findByRole('link', { name: '@bea' })).toHaveAttribute('href', '/u/bea');
    expect(screen.getByRole('button', { name: 'Following' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(calls.some((c) => c.query.get('following') === 'true')).toBe(true);
  });
});
