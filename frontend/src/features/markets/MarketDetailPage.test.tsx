import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope, failure, mockFetch } from '@/testing/fetch-mock';
import { aMarket } from '@/testing/fixtures';
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
          user: { id: 'u2', display_name: 'Maria', avatar_url: null },
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
    expect(await screen.findByText('Maria')).toBeInTheDocument();
    expect(screen.getByText('Resolves YES if PAGASA reports rain.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: '30D' }));
    await waitFor(() => expect(calls.some((c) => c.query.get('range') === '30d')).toBe(true));
  });

  it('shows the resolution with its evidence links', async () => {
    renderPage(
      aMarket({
        status: 'resolved',
        resolution: {
          outcome_id: 'no',
          evidence_urls: ['https://pagasa.dost.gov.ph/report'],
          resolution_note: 'No rain recorded.',
          resolved_by: 'admin',
          created_at: '2026-11-22T00:00:00Z',
        },
      }),
    );
    expect(await screen.findByText('Resolved: No')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'https://pagasa.dost.gov.ph/report' })).toHaveAttribute(
      'target',
      '_blank',
    );
    expect(screen.getByText('No rain recorded.')).toBeInTheDocument();
  });

  it('shows the user position', async () => {
    renderPage(
      aMarket({
        my_forecast: {
          id: 'f',
          market_id: 'm1',
          outcome_id: 'yes',
          points: 40,
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
