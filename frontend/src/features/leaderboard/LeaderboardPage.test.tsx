import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope, failure, mockFetch } from '@/testing/fetch-mock';
import { aUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { LeaderboardPage } from './LeaderboardPage';

afterEach(() => vi.unstubAllGlobals());

describe('leaderboard', () => {
  it("shows the signed-in user's own rank on the chosen board, and says when there is none", async () => {
    const { calls } = mockFetch({
      'GET /users/me': () => ({ body: envelope(aUser({ id: 'me' })) }),
      'GET /leaderboard': () => ({ body: envelope([]) }),
      'GET /leaderboard/me': (req) => ({
        body: envelope(
          req.query.get('period') === 'monthly'
            ? null
            : {
                rank: 57,
                user: { id: 'me', display_name: 'Juan', avatar_url: null },
                score: 12,
                forecasts: 4,
                accuracy: 0.5,
              },
        ),
      }),
    });
    renderWithProviders(<LeaderboardPage />);
    const mine = await screen.findByTestId('my-rank');
    expect(mine).toHaveTextContent('#57');
    expect(mine).toHaveTextContent('Your rank');
    expect(mine).toHaveTextContent('4 forecasts');
    await userEvent.click(screen.getByRole('button', { name: 'This month' }));
    await waitFor(() => expect(screen.getByTestId('my-rank')).toHaveTextContent('Not ranked yet'));
    expect(
      calls.filter((c) => c.path === '/leaderboard/me').map((c) => c.query.get('period')),
    ).toEqual(['weekly', 'monthly']);
  });

  it('ranks forecasters and switches period, metric and category', async () => {
    const { calls } = mockFetch({
      'GET /users/me': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'x') }),
      'GET /leaderboard': (req) => ({
        body: envelope(
          req.query.get('period') === 'monthly'
            ? []
            : [
                {
                  rank: 1,
                  user: { id: 'a', display_name: 'Ana', avatar_url: null },
                  score: 42.4,
                  forecasts: 10,
                  accuracy: 0.7,
                },
                {
                  rank: 2,
                  user: { id: 'b', display_name: 'Ben', avatar_url: null },
                  score: -3,
                  forecasts: 3,
                  accuracy: null,
                },
              ],
          { page: 1, limit: 50, total: 2, pages: 1 },
        ),
      }),
    });
    renderWithProviders(<LeaderboardPage />);
    expect(await screen.findByText('Ana')).toBeInTheDocument();
    expect(screen.getByText('42')).toBeInTheDocument();
    expect(screen.getByText('10 forecasts · 70% accurate')).toBeInTheDocument();
    expect(screen.getByLabelText('Rank 1')).toHaveTextContent('🥇');

    await userEvent.selectOptions(screen.getByLabelText('Ranking'), 'profit');
    expect(await screen.findByText('₱42')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Category'), 'sports');
    await userEvent.click(screen.getByRole('button', { name: 'This month' }));
    expect(await screen.findByText('No settled forecasts in this period yet.')).toBeInTheDocument();
    await waitFor(() =>
      expect(
        calls.some(
          (c) =>
            c.query.get('period') === 'monthly' &&
            c.query.get('metric') === 'profit' &&
            c.query.get('category') === 'sports',
        ),
      ).toBe(true),
    );
  });

  it('shows an error state', async () => {
    mockFetch({
      'GET /leaderboard': () => ({ status: 400, body: failure('MALFORMED_REQUEST', 'x') }),
    });
    renderWithProviders(<LeaderboardPage />);
    expect(await screen.findByText('Something went wrong.')).toBeInTheDocument();
  });
});
