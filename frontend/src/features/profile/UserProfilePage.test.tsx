import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Switch } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope, failure, mockFetch } from '@/testing/fetch-mock';
import { aUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import type { UserStats } from './api/get-user-stats';
import { bucketMidpoint } from './components/Calibration';
import { UserProfilePage, UserRedirectPage } from './UserProfilePage';

afterEach(() => vi.unstubAllGlobals());

const maria = {
  id: 'u2',
  display_name: 'Maria Santos',
  handle: 'maria',
  bio: 'Taga-Cebu. Mahilig sa basketball.',
  avatar_url: null,
  reputation: 42.4,
  badges: [
    { badge: 'first_win', awarded_at: '2026-03-02T00:00:00Z' },
    { badge: 'category_expert_sports', awarded_at: '2026-04-01T00:00:00Z' },
  ],
  created_at: '2026-02-01T00:00:00Z',
  followers: 1,
  following: 4,
  followed_by_me: false,
};

describe('public profile', () => {
  it('shows the forecaster, stats, calibration and public forecasts', async () => {
    mockFetch({
      'GET /users/me': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'x') }),
      'POST /auth/refresh': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'x') }),
      'GET /users/by-handle/maria': () => ({ body: envelope(maria) }),
      'GET /users/u2/stats': () => ({
        body: envelope({
          forecasts: 12,
          settled: 8,
          won: 5,
          accuracy: 0.625,
          reputation: 42.4,
          profit: 310,
          calibration: [
            { bucket: '0-10%', forecasts: 0, won: 0 },
            { bucket: '30-40%', forecasts: 4, won: 1 },
            { bucket: '70-80%', forecasts: 4, won: 4 },
          ],
        }),
      }),
      'GET /users/u2/forecasts': () => ({
        body: envelope([
          {
            id: 'f1',
            market_id: 'm1',
            outcome_id: 'yes',
            points: 100,
            status: 'won',
            payout: 180,
            crowd_probability: 0.55,
            created_at: '2026-03-01T00:00:00Z',
            updated_at: '2026-03-02T00:00:00Z',
            market: { id: 'm1', slug: 'gilas', title: 'Will Gilas qualify?' },
            outcome: { id: 'yes', name: 'Yes' },
          },
        ]),
      }),
    });
    renderWithProviders(<UserProfilePage />, { path: '/u/maria', route: '/u/:handle' });
    expect(await screen.findByText('Maria Santos')).toBeInTheDocument();
    expect(screen.getByText('Taga-Cebu. Mahilig sa basketball.')).toBeInTheDocument();
    expect(await screen.findByText('63%')).toBeInTheDocument();
    expect(screen.getByTestId('calibration')).toBeInTheDocument();
    expect(screen.getByText('30-40%')).toBeInTheDocument();
    expect(screen.queryByText('0-10%')).not.toBeInTheDocument();
    expect(await screen.findByText('Will Gilas qualify?')).toHaveAttribute(
      'href',
      '/markets/gilas',
    );
    expect(screen.getByText(/Paid out ₱180/)).toBeInTheDocument();
    expect(screen.queryByText(/email/i)).not.toBeInTheDocument();
    const badges = screen.getByTestId('badge-list');
    expect(badges).toHaveTextContent('First win');
    expect(badges).toHaveTextContent('Won a forecast for the first time.');
    expect(badges).toHaveTextContent('Sports expert');
    expect(badges).toHaveTextContent('At least 10 settled forecasts in Sports');
  });

  it('shows a newcomer with nothing settled yet', async () => {
    mockFetch({
      'GET /users/me': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'x') }),
      'GET /users/by-handle/maria': () => ({ body: envelope({ ...maria, badges: [] }) }),
      'GET /users/u2/stats': () => ({
        body: envelope({
          forecasts: 0,
          settled: 0,
          won: 0,
          accuracy: null,
          reputation: 42.4,
          profit: 0,
          total_staked: 0,
          calibration: [],
        } satisfies UserStats),
      }),
      'GET /users/u2/forecasts': () => ({ body: envelope([]) }),
    });
    renderWithProviders(<UserProfilePage />, { path: '/u/maria', route: '/u/:handle' });
    expect(await screen.findByText('Maria Santos')).toBeInTheDocument();
    // No accuracy before anything settles: a dash, not 0%.
    expect(await screen.findByText('–')).toBeInTheDocument();
    expect(screen.getByText('Calibration shows once forecasts settle.')).toBeInTheDocument();
    expect(screen.queryByTestId('calibration')).not.toBeInTheDocument();
    expect(await screen.findByText('No forecasts yet.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps the profile and offers a retry when the forecasts fail to load', async () => {
    let forecastAnswers = 0;
    mockFetch({
      'GET /users/me': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'x') }),
      'GET /users/by-handle/maria': () => ({ body: envelope(maria) }),
      'GET /users/u2/stats': () => ({ status: 500, body: failure('INTERNAL_ERROR', 'x') }),
      'GET /users/u2/forecasts': () =>
        ++forecastAnswers === 1
          ? { status: 500, body: failure('INTERNAL_ERROR', 'x') }
          : { body: envelope([]) },
    });
    renderWithProviders(<UserProfilePage />, { path: '/u/maria', route: '/u/:handle' });
    expect(await screen.findByText('Maria Santos')).toBeInTheDocument();
    expect(screen.getByText('Reputation')).toBeInTheDocument();
    expect(await screen.findByText('Something went wrong.')).toBeInTheDocument();
    // Without stats there are no stat tiles and no calibration, but the badges still show.
    expect(screen.queryByText('Accuracy')).not.toBeInTheDocument();
    expect(screen.queryByText('Calibration')).not.toBeInTheDocument();
    expect(screen.getByTestId('badge-list')).toHaveTextContent('First win');
    await userEvent.click(screen.getByText('Try again'));
    expect(await screen.findByText('No forecasts yet.')).toBeInTheDocument();
    expect(forecastAnswers).toBe(2);
  });

  it('says so when the forecaster does not exist', async () => {
    mockFetch({
      'GET /users/me': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'x') }),
      'GET /users/by-handle/nobody': () => ({ status: 404, body: failure('NOT_FOUND', 'x') }),
    });
    renderWithProviders(<UserProfilePage />, { path: '/u/nobody', route: '/u/:handle' });
    expect(await screen.findByText('No forecaster with this link.')).toBeInTheDocument();
  });

  it('shows the handle under the name', async () => {
    mockFetch({
      'GET /users/me': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'x') }),
      'GET /users/by-handle/maria': () => ({ body: envelope(maria) }),
      'GET /users/u2/stats': () => ({ status: 500, body: failure('INTERNAL_ERROR', 'x') }),
      'GET /users/u2/forecasts': () => ({ body: envelope([]) }),
    });
    renderWithProviders(<UserProfilePage />, { path: '/u/maria', route: '/u/:handle' });
    expect(await screen.findByText('@maria')).toBeInTheDocument();
  });

  it('shares the profile link, whose card the server draws, to Messenger and Facebook', async () => {
    mockFetch({
      'GET /users/me': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'x') }),
      'GET /users/by-handle/maria': () => ({ body: envelope(maria) }),
      'GET /users/u2/stats': () => ({ status: 500, body: failure('INTERNAL_ERROR', 'x') }),
      'GET /users/u2/forecasts': () => ({ body: envelope([]) }),
    });
    renderWithProviders(<UserProfilePage />, { path: '/u/maria', route: '/u/:handle' });
    const url = `${window.location.origin}/u/maria`;
    expect(await screen.findByRole('heading', { name: 'Share this profile' })).toBeInTheDocument();
    expect(screen.getByTestId('share-url')).toHaveValue(url);
    expect(screen.getByText('Messenger', { selector: 'ion-button' })).toHaveAttribute(
      'href',
      `fb-messenger://share/?link=${encodeURIComponent(url)}`,
    );
    expect(screen.getByText('Facebook', { selector: 'ion-button' })).toHaveAttribute(
      'href',
      `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`,
    );
  });

  it('moves an old /users/:id link to the profile at /u/:handle', async () => {
    mockFetch({
      'GET /users/me': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'x') }),
      'GET /users/u2': () => ({ body: envelope(maria) }),
    });
    renderWithProviders(
      <Switch>
        <Route path="/users/:id" component={UserRedirectPage} />
        <Route path="/u/:handle" render={({ location }) => <p>at {location.pathname}</p>} />
      </Switch>,
      { path: '/users/u2', route: '/' },
    );
    expect(await screen.findByText('at /u/maria')).toBeInTheDocument();
  });

  it('says so when an old link names nobody', async () => {
    mockFetch({
      'GET /users/me': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'x') }),
      'GET /users/gone': () => ({ status: 404, body: failure('NOT_FOUND', 'x') }),
    });
    renderWithProviders(<UserRedirectPage />, { path: '/users/gone', route: '/users/:id' });
    expect(await screen.findByText('No forecaster with this link.')).toBeInTheDocument();
  });

  it('knows where a calibrated forecaster lands in each bucket', () => {
    expect(bucketMidpoint('30-40%')).toBeCloseTo(0.35);
    expect(bucketMidpoint('90–100%')).toBeCloseTo(0.95);
    expect(bucketMidpoint('weird')).toBeNull();
  });

  it('follows and unfollows a forecaster and shows the counts', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    const { calls } = mockFetch({
      'GET /users/me': () => ({ body: envelope(aUser()) }),
      'GET /users/by-handle/maria': () => ({ body: envelope(maria) }),
      'GET /users/u2/stats': () => ({ status: 500, body: failure('INTERNAL_ERROR', 'x') }),
      'GET /users/u2/forecasts': () => ({ body: envelope([]) }),
      'POST /users/u2/follow': () => ({
        body: envelope({ followers: 2, following: 4, followed_by_me: true }),
      }),
      'DELETE /users/u2/follow': () => ({
        body: envelope({ followers: 1, following: 4, followed_by_me: false }),
      }),
    });
    renderWithProviders(<UserProfilePage />, { path: '/u/maria', route: '/u/:handle' });
    expect(await screen.findByTestId('follow-counts')).toHaveTextContent(
      '1 follower · 4 following',
    );
    await userEvent.click(await screen.findByText('Follow', { selector: 'ion-button' }));
    expect(await screen.findByTestId('follow-counts')).toHaveTextContent(
      '2 followers · 4 following',
    );
    await userEvent.click(screen.getByText('Unfollow', { selector: 'ion-button' }));
    expect(await screen.findByText('Follow', { selector: 'ion-button' })).toBeInTheDocument();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(
      expect.arrayContaining(['POST /users/u2/follow', 'DELETE /users/u2/follow']),
    );
  });

  it("offers no follow button on one's own profile", async () => {
    mockFetch({
      'GET /users/me': () => ({ body: envelope(aUser({ id: 'u2', handle: 'maria' })) }),
      'GET /users/by-handle/maria': () => ({ body: envelope(maria) }),
      'GET /users/u2/stats': () => ({ status: 500, body: failure('INTERNAL_ERROR', 'x') }),
      'GET /users/u2/forecasts': () => ({ body: envelope([]) }),
    });
    renderWithProviders(<UserProfilePage />, { path: '/u/maria', route: '/u/:handle' });
    expect(await screen.findByTestId('follow-counts')).toBeInTheDocument();
    await screen.findByText('No forecasts yet.');
    expect(screen.queryByText('Follow', { selector: 'ion-button' })).not.toBeInTheDocument();
  });
});
