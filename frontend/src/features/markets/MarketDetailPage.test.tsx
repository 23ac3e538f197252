import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope, failure, mockFetch } from '@/testing/fetch-mock';
import { aMarket, aUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { MarketDetailPage } from './MarketDetailPage';
import { mergeMarketUpdate } from './hooks/use-market-stream';

afterEach(() => vi.unstubAllGlobals());

const history = [
  { at: '2026-11-20T00:00:00Z', probabilities: { yes: 0.5, no: 0.5 } },
  { at: '2026-11-21T00:00:00Z', probabilities: { yes: 0.59, no: 0.41 } },
];

function routes(market = aMarket()) {
  return {
    'GET /users/me': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'x') }),
    'POST /auth/refresh': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'x') }),
    [`GET /markets/${market.slug}`]: () => ({ body: envelope(market) }),
    [`GET /markets/${market.id}/history`]: () => ({ body: envelope(history) }),
    [`GET /markets/${market.id}/forecasts`]: () => ({
      body: envelope([
        {
          id: 'f1',
          outcome_id: 'yes',
          points: 25,
          created_at: new Date().toISOString(),
          user: { id: 'u2', display_name: 'Maria', handle: 'maria', avatar_url: null },
        },
      ]),
    }),
  };
}

function renderPage(market = aMarket()) {
  document.cookie = 'XSRF-TOKEN=t';
  const mock = mockFetch(routes(market));
  const view = renderWithProviders(
    <MarketDetailPage renderSlip={(m) => <div data-testid="slip">slip for {m.title}</div>} />,
    { path: `/markets/${market.slug}`, route: '/markets/:slug' },
  );
  return { ...mock, ...view };
}

describe('market detail page', () => {
  it('shows the market, its outcomes, chart, recent forecasts and the slip slot', async () => {
    const { calls } = renderPage();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Will it rain in Manila on Friday?' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('meter', { name: 'Yes' })).toHaveAttribute('aria-valuenow', '59');
    expect(screen.getByText(/₱600 · Pool share 60% · 1.67× per chip/)).toBeInTheDocument();
    expect(await screen.findByTestId('slip')).toHaveTextContent('slip for Will it rain');
    expect(
      await screen.findByRole('img', { name: /Probability history: Yes 59%, No 41%/ }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Maria')).toHaveAttribute('href', '/u/maria');
    expect(screen.getByText('Resolves YES if PAGASA reports rain.')).toBeInTheDocument();
    // Share: the link, and Messenger and Facebook for people without a share sheet.
    const url = `${window.location.origin}/markets/will-it-rain-in-manila`;
    expect(screen.getByTestId('share-url')).toHaveValue(url);
    expect(screen.getByText('Messenger', { selector: 'ion-button' })).toHaveAttribute(
      'href',
      `fb-messenger://share/?link=${encodeURIComponent(url)}`,
    );

    await userEvent.click(screen.getByRole('button', { name: '30D' }));
    await waitFor(() => expect(calls.some((c) => c.query.get('range') === '30d')).toBe(true));
  });

  const resolvedToNo = {
    outcome_id: 'no',
    evidence_urls: ['https://pagasa.dost.gov.ph/report'],
    resolution_note: 'No rain recorded.',
    resolved_by: 'admin',
    created_at: '2026-11-22T00:00:00Z',
  };
  const position = (status: 'pending' | 'won' | 'lost' | 'refunded', payout: number | null) => ({
    id: 'f',
    market_id: 'm1',
    outcome_id: status === 'lost' ? 'yes' : 'no',
    points: 100,
    status,
    crowd_probability: 0.4,
    payout,
    created_at: '',
    updated_at: '',
  });

  it('leads a resolved market with the winner, note, evidence and final split; no odds, no slip', async () => {
    renderPage(
      aMarket({ status: 'resolved', resolution: resolvedToNo, settled_at: '2026-11-22T00:01:00Z' }),
    );
    const summary = await screen.findByTestId('resolved-summary');
    expect(summary).toHaveTextContent('Resolved: No won');
    expect(summary).toHaveTextContent('No rain recorded.');
    expect(screen.getByRole('link', { name: 'https://pagasa.dost.gov.ph/report' })).toHaveAttribute(
      'target',
      '_blank',
    );
    // The summary comes before the pool split in the page.
    const split = screen.getByTestId('final-split');
    expect(summary.compareDocumentPosition(split) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByText('Final pool ₱1,000')).toBeInTheDocument();
    const rows = screen.getAllByTestId('outcome-row');
    expect(rows[0]).toHaveAttribute('data-winner', 'true');
    expect(rows[0]).toHaveTextContent('No · Winner');
    expect(rows[0]).toHaveTextContent('40%');
    expect(rows[1]).toHaveTextContent('60%');
    expect(screen.queryByText(/per chip/)).not.toBeInTheDocument();
    expect(screen.queryByText('59%')).not.toBeInTheDocument();
    await screen.findByText('Maria'); // the background render is done
    expect(screen.queryByTestId('slip')).not.toBeInTheDocument();
  });

  it('tells a winner what they won', async () => {
    renderPage(
      aMarket({ status: 'resolved', resolution: resolvedToNo, my_forecast: position('won', 250) }),
    );
    expect(await screen.findByTestId('my-result')).toHaveTextContent(
      'You won! You got ₱250 for your ₱100 on No.',
    );
    expect(screen.getByTestId('my-payout')).toHaveAttribute('data-payout', '250');
  });

  it('tells a loser what they lost', async () => {
    renderPage(
      aMarket({ status: 'resolved', resolution: resolvedToNo, my_forecast: position('lost', 0) }),
    );
    expect(await screen.findByTestId('my-result')).toHaveTextContent('You lost your ₱100 on Yes.');
    expect(screen.queryByText(/You won/)).not.toBeInTheDocument();
  });

  it('says a cancelled market refunded its stakes, with the reason, never "Paid out"', async () => {
    renderPage(
      aMarket({
        status: 'cancelled',
        cancel_reason: 'PAGASA stopped reporting for the week.',
        my_forecast: position('refunded', 100),
      }),
    );
    const summary = await screen.findByTestId('cancelled-summary');
    expect(summary).toHaveTextContent('Cancelled — stakes refunded');
    expect(summary).toHaveTextContent('Reason: PAGASA stopped reporting for the week.');
    expect(screen.getByTestId('my-result')).toHaveTextContent('Your ₱100 was refunded.');
    expect(document.body.textContent).not.toMatch(/Paid out/);
    expect(screen.queryByText(/per chip/)).not.toBeInTheDocument();
    await screen.findByText('Maria');
    expect(screen.queryByTestId('slip')).not.toBeInTheDocument();
  });

  it('lists live outcomes most likely first, with percentages that add up to 100', async () => {
    const outcome = (id: string, probability: number) => ({
      id,
      name: id.toUpperCase(),
      total_points: 100,
      probability,
      pool_share: 0.33,
      payout_per_chip: 3,
      name_fil: null,
    });
    renderPage(
      aMarket({
        outcomes: [outcome('a', 0.335), outcome('b', 0.33), outcome('c', 0.335)],
      }),
    );
    await screen.findByRole('heading', { level: 1 });
    const rows = screen.getAllByTestId('outcome-row');
    expect(rows.map((r) => r.querySelector('span')?.textContent)).toEqual(['A', 'C', 'B']);
    expect(rows.map((r) => r.textContent?.match(/(\d+)%/)?.[1])).toEqual(['34', '33', '33']);
  });

  it('shows Watching from the server after a reload, and unwatches', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    localStorage.setItem('pm.session', '1');
    const market = aMarket({ watching: true });
    const { calls } = mockFetch({
      ...routes(market),
      'GET /users/me': () => ({ body: envelope(aUser()) }),
      'DELETE /markets/m1/watch': () => ({ body: envelope({ market_id: 'm1', watching: false }) }),
    });
    renderWithProviders(<MarketDetailPage />, {
      path: `/markets/${market.slug}`,
      route: '/markets/:slug',
    });
    const button = await screen.findByText('Watching');
    await userEvent.click(button);
    expect(await screen.findByText('Watch')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'DELETE' && c.path === '/markets/m1/watch')).toBe(true);
    localStorage.removeItem('pm.session');
  });

  it('shows the user position', async () => {
    renderPage(
      aMarket({
        my_forecast: {
          id: 'f',
          market_id: 'm1',
          outcome_id: 'yes',
          points: 40,
          payout: null,
          status: 'pending',
          crowd_probability: 0.5,
          created_at: '',
          updated_at: '',
        },
      }),
    );
    expect(await screen.findByTestId('my-position')).toHaveTextContent('₱40 on Yes');
  });

  it('shows the live dot only on an open market with a connected stream', async () => {
    class OpenStream {
      onopen: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor() {
        setTimeout(() => this.onopen?.(), 0);
      }
      addEventListener() {}
      close() {}
    }
    vi.stubGlobal('EventSource', OpenStream);
    const open = renderPage(aMarket({ status: 'open' }));
    expect(await screen.findByText('Live')).toBeInTheDocument();
    open.unmount();

    renderPage(aMarket({ status: 'resolved' }));
    await screen.findByRole('heading', { level: 1 });
    await screen.findByText('Maria'); // the page has settled, the stream has opened
    expect(screen.queryByText('Live')).not.toBeInTheDocument();
  });

  it('says when a market does not exist', async () => {
    mockFetch({ 'GET /markets/nope': () => ({ status: 404, body: failure('NOT_FOUND', 'x') }) });
    renderWithProviders(<MarketDetailPage />, { path: '/markets/nope', route: '/markets/:slug' });
    expect(await screen.findByText('Market not found.')).toBeInTheDocument();
  });
});

describe('live market updates', () => {
  it('merges fresh totals and probabilities into the cached market', () => {
    const merged = mergeMarketUpdate(aMarket(), {
      total_points: 1100,
      outcomes: [{ id: 'yes', total_points: 700, probability: 0.64 }],
    });
    expect(merged.total_points).toBe(1100);
    expect(merged.outcomes[0]).toMatchObject({ name: 'Yes', total_points: 700, probability: 0.64 });
    expect(merged.outcomes[1]).toEqual(aMarket().outcomes[1]);
  });
});
