import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { useHistory, useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope, failure, mockFetch } from '@/testing/fetch-mock';
import { aSummary } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { listFiltersFromSearch, searchOfListFilters } from './api/requests';
import { MarketsPage } from './MarketsPage';

/** Shows the page's URL query and hands out the router's history (Back and Forward). */
let router: ReturnType<typeof useHistory>;
function UrlProbe() {
  router = useHistory();
  return <output data-testid="url">{useLocation().search}</output>;
}

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

  it('keeps category, status, sort and search in the URL, and Back returns to the previous list', async () => {
    const { calls } = mockFetch({
      'GET /markets': (req) => ({
        body: envelope(
          [aSummary({ id: 'x', title: `Category ${req.query.get('category') ?? 'all'}` })],
          page(1, 1),
        ),
      }),
    });
    renderWithProviders(
      <>
        <MarketsPage />
        <UrlProbe />
      </>,
      { path: '/markets', route: '/markets' },
    );
    await screen.findByText('Category all');
    expect(screen.getByTestId('url')).toHaveTextContent(/^$/);

    await userEvent.click(screen.getByRole('button', { name: 'Sports' }));
    await screen.findByText('Category sports');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), '');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'volume');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search markets' }), 'gilas');
    await waitFor(
      () =>
        expect(screen.getByTestId('url')).toHaveTextContent(
          '?q=gilas&category=sports&status=any&sort=volume',
        ),
      { timeout: 2000 },
    );
    const lists = calls.filter((c) => c.path === '/markets');
    const last = lists[lists.length - 1].query;
    expect([last.get('category'), last.get('status'), last.get('sort'), last.get('q')]).toEqual([
      'sports',
      null,
      'volume',
      'gilas',
    ]);

    // Back undoes the last step, sort and search (typing replaced that entry: none per word).
    act(() => router.goBack());
    expect(screen.getByTestId('url')).toHaveTextContent('?category=sports&status=any');
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('created_at');
    expect(screen.getByRole('searchbox', { name: 'Search markets' })).toHaveValue('');
    act(() => router.goBack());
    act(() => router.goBack());
    expect(screen.getByTestId('url')).toHaveTextContent(/^$/);
    expect(screen.getByRole('button', { name: 'All' })).toHaveAttribute('aria-pressed', 'true');
    expect(await screen.findByText('Category all')).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search markets' })).toHaveValue('');

    act(() => router.goForward());
    expect(screen.getByRole('button', { name: 'Sports' })).toHaveAttribute('aria-pressed', 'true');
    expect(await screen.findByText('Category sports')).toBeInTheDocument();
  });

  it('opens a shared link with its filters already applied', async () => {
    const { calls } = mockFetch({
      'GET /markets': () => ({ body: envelope([aSummary({ title: 'Shared list' })], page(1, 1)) }),
    });
    renderWithProviders(<MarketsPage />, {
      path: '/markets?category=crypto&status=resolved&sort=forecasters&q=btc',
      route: '/markets',
    });
    await screen.findByText('Shared list');
    expect(screen.getByRole('button', { name: 'Crypto' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('resolved');
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('forecasters');
    expect(screen.getByRole('searchbox', { name: 'Search markets' })).toHaveValue('btc');
    const lists = calls.filter((c) => c.path === '/markets');
    expect(lists).toHaveLength(1);
    expect(lists[0].query.get('category')).toBe('crypto');
    expect(lists[0].query.get('status')).toBe('resolved');
    expect(lists[0].query.get('sort')).toBe('forecasters');
    expect(lists[0].query.get('q')).toBe('btc');
  });
});

describe('list filters in the URL', () => {
  it('reads unknown or hostile values as the defaults and writes only what differs', () => {
    expect(listFiltersFromSearch('?category=<script>&status=nope&sort=drop&q=')).toEqual({
      category: '',
      status: 'open',
      sort: 'created_at',
      q: '',
    });
    expect(searchOfListFilters(listFiltersFromSearch(''))).toBe('');
    const filters = listFiltersFromSearch('?status=any&q=a%26b%3Dc');
    expect(filters).toMatchObject({ status: '', q: 'a&b=c' });
    expect(searchOfListFilters(filters)).toBe('?q=a%26b%3Dc&status=any');
  });
});
