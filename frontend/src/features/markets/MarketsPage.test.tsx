import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope, failure, mockFetch } from '@/testing/fetch-mock';
import { aSummary } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { MarketsPage } from './MarketsPage';

afterEach(() => vi.unstubAllGlobals());

const page = (n: number, pages: number) => ({ page: n, limit: 20, total: pages * 20, pages });

describe('markets list', () => {
  it('shows the winner of a resolved market and a cancelled one as refunded, without odds', async () => {
    mockFetch({
      'GET /markets': () => ({
        body: envelope(
          [
            aSummary({
              id: 'r',
              title: 'Resolved one',
              status: 'resolved',
              winning_outcome_id: 'no',
            }),
            aSummary({ id: 'c', title: 'Cancelled one', status: 'cancelled' }),
          ],
          page(1, 1),
        ),
      }),
    });
    renderWithProviders(<MarketsPage />);
    expect(await screen.findByTestId('card-winner')).toHaveTextContent('Winner: No');
    expect(screen.getByTestId('card-cancelled')).toHaveTextContent('Cancelled — stakes refunded');
    expect(screen.queryByRole('meter')).not.toBeInTheDocument();
    expect(screen.queryByText('59%')).not.toBeInTheDocument();
  });

  it('renders market cards with probabilities, volume and forecasters', async () => {
    mockFetch({
      'GET /markets': () => ({
        body: envelope(
          [
            aSummary({
              id: 'a',
              title: 'Will Pacquiao fight again in 2027?',
              category: 'sports',
              total_points: 12345,
            }),
            aSummary({ id: 'b', slug: 'btc', title: 'BTC above $150k?', category: 'crypto' }),
          ],
          page(1, 1),
        ),
      }),
    });
    renderWithProviders(<MarketsPage />);
    const link = await screen.findByRole('link', { name: 'Will Pacquiao fight again in 2027?' });
    expect(link).toHaveAttribute('href', '/markets/will-it-rain-in-manila');
    expect(screen.getByText('₱12,345 vol.')).toBeInTheDocument();
    expect(screen.getAllByText('7 forecasters')).toHaveLength(2);
    expect(screen.getAllByRole('meter', { name: 'Yes' })[0]).toHaveAttribute('aria-valuenow', '59');
    expect(screen.getAllByText('59%').length).toBeGreaterThan(0);
    expect(screen.getAllByText(/Closes in 3 days/).length).toBe(2);
    expect(screen.queryByText('Load more')).not.toBeInTheDocument();
  });

  it('filters by category and search, and loads more pages', async () => {
    const { calls } = mockFetch({
      'GET /markets': (req) => {
        const n = Number(req.query.get('page'));
        return {
          body: envelope(
            [aSummary({ id: `m${n}-${req.query.get('category')}`, title: `Market page ${n}` })],
            page(n, 2),
          ),
        };
      },
    });
    renderWithProviders(<MarketsPage />);
    await screen.findByText('Market page 1');
    await userEvent.click(screen.getByText('Load more'));
    await screen.findByText('Market page 2');

    await userEvent.click(screen.getByRole('button', { name: 'Crypto' }));
    await waitFor(() => expect(calls.some((c) => c.query.get('category') === 'crypto')).toBe(true));
    expect(screen.getByRole('button', { name: 'Crypto' })).toHaveAttribute('aria-pressed', 'true');

    await userEvent.type(screen.getByRole('searchbox', { name: 'Search markets' }), 'rain');
    await waitFor(() => expect(calls.some((c) => c.query.get('q') === 'rain')).toBe(true), {
      timeout: 2000,
    });

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'closes_at');
    await waitFor(() =>
      expect(
        calls.some((c) => c.query.get('sort') === 'closes_at' && c.query.get('order') === 'asc'),
      ).toBe(true),
    );
  });

  it('shows an empty state', async () => {
    mockFetch({ 'GET /markets': () => ({ body: envelope([], page(1, 0)) }) });
    renderWithProviders(<MarketsPage />);
    expect(await screen.findByText('No markets match.')).toBeInTheDocument();
  });

  it('shows an error with a retry button', async () => {
    let fail = true;
    mockFetch({
      'GET /markets': () =>
        fail
          ? { status: 400, body: failure('MALFORMED_REQUEST', 'bad') }
          : { body: envelope([aSummary()], page(1, 1)) },
    });
    renderWithProviders(<MarketsPage />);
    expect(await screen.findByText('Could not load markets.')).toBeInTheDocument();
    fail = false;
    await userEvent.click(screen.getByText('Try again'));
    expect(await screen.findByText('Will it rain in Manila on Friday?')).toBeInTheDocument();
  });
});
