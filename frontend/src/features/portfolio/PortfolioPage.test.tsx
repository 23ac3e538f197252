import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANG_KEY } from '@/lib/i18n';
import { envelope, failure, mockFetch } from '@/testing/fetch-mock';
import { aUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import type { Portfolio, SettledPosition } from './api/get-portfolio';
import { PortfolioPage } from './PortfolioPage';

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

const soon = new Date(Date.now() + 2 * 3600_000).toISOString();
const later = new Date(Date.now() + 5 * 86400_000).toISOString();

function market(id: string, title: string, closes_at: string, title_fil: string | null = null) {
  return { id, slug: id, title, title_fil, category: 'sports', status: 'open', closes_at } as const;
}

const portfolio: Portfolio = {
  positions: [
    {
      forecast_id: 'f1',
      market: market('finals', 'Will Ginebra win the Finals?', soon, 'Mananalo ba ang Ginebra?'),
      outcome_id: 'yes',
      outcome_name: 'Yes',
      outcome_name_fil: 'Oo',
      stake: 100,
      probability_now: 0.36,
      crowd_probability: 0.5,
      payout_if_wins_now: 284,
      potential_profit: 184,
      placed_at: new Date().toISOString(),
    },
    {
      forecast_id: 'f2',
      market: market('btc', 'Bitcoin above 100k?', later),
      outcome_id: 'no',
      outcome_name: 'No',
      outcome_name_fil: null,
      stake: 40,
      probability_now: 0.7,
      crowd_probability: 0.6,
      payout_if_wins_now: 38,
      potential_profit: -2,
      placed_at: new Date().toISOString(),
    },
  ],
  totals: {
    positions: 2,
    staked: 140,
    payout_if_all_win_now: 322,
    potential_profit: 182,
    settled: 1,
    realised_profit: -300,
  },
};

const lost: SettledPosition = {
  forecast_id: 'f0',
  market: { ...market('rain', 'Rain on Friday?', soon), status: 'resolved' },
  outcome_id: 'no',
  outcome_name: 'No',
  outcome_name_fil: null,
  stake: 300,
  status: 'lost',
  payout: 0,
  profit: -300,
  crowd_probability: 0.4,
  settled_at: new Date().toISOString(),
};

function signedIn(settled: SettledPosition[] = [lost]) {
  document.cookie = 'XSRF-TOKEN=t';
  return mockFetch({
    'GET /users/me': () => ({ body: envelope(aUser({ chips: 1234 })) }),
    'GET /users/me/portfolio': () => ({ body: envelope(portfolio) }),
    'GET /users/me/portfolio/settled': () => ({
      body: envelope(settled, { page: 1, limit: 10, total: settled.length, pages: 1 }),
    }),
  });
}

describe('portfolio', () => {
  it('shows the balance with the chip history a tap away, the totals and the open positions soonest first', async () => {
    signedIn();
    renderWithProviders(<PortfolioPage />);

    expect(await screen.findByTestId('portfolio-balance')).toHaveTextContent('1,234 chips');
    expect(screen.getByText('Chip history').closest('ion-button')).toHaveAttribute(
      'router-link',
      '/wallet',
    );
    const lines = await screen.findAllByTestId('open-position');
    expect(lines).toHaveLength(2);
    expect(within(lines[0]).getByRole('link')).toHaveTextContent('Will Ginebra win the Finals?');
    expect(lines[0]).toHaveTextContent('₱100 on Yes');
    expect(within(lines[0]).getByTestId('if-wins')).toHaveTextContent(
      'Pays ₱284 if it wins now (+₱184)',
    );
    expect(lines[0]).toHaveTextContent('Entry 50% → now 36%');
    expect(within(lines[1]).getByTestId('if-wins')).toHaveTextContent('(−₱2)');
    expect(screen.getByText('Open positions (2)')).toBeInTheDocument();
    expect(screen.getByTestId('portfolio-realised')).toHaveTextContent('−₱300');
    const settled = await screen.findByTestId('settled-position');
    expect(settled).toHaveTextContent('Rain on Friday?');
    expect(settled).toHaveTextContent('Lost');
    expect(within(settled).getByTestId('settled-profit')).toHaveTextContent('−₱300');
  });

  it('shows Filipino market and outcome names in Filipino', async () => {
    localStorage.setItem(LANG_KEY, 'fil');
    signedIn([]);
    renderWithProviders(<PortfolioPage />);
    const lines = await screen.findAllByTestId('open-position');
    expect(lines[0]).toHaveTextContent('Mananalo ba ang Ginebra?');
    expect(lines[0]).toHaveTextContent('₱100 sa Oo');
    expect(lines[1]).toHaveTextContent('Bitcoin above 100k?');
    expect(await screen.findByText(/Wala pang tapos/)).toBeInTheDocument();
  });

  it('offers a retry when the portfolio fails', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    let fail = true;
    mockFetch({
      'GET /users/me': () => ({ body: envelope(aUser()) }),
      'GET /users/me/portfolio': () =>
        fail
          ? { status: 500, body: failure('INTERNAL_ERROR', 'x') }
          : { body: envelope({ ...portfolio, positions: [] }) },
      'GET /users/me/portfolio/settled': () => ({ body: envelope([]) }),
    });
    renderWithProviders(<PortfolioPage />);
    const retry = await screen.findByText('Try again');
    fail = false;
    await userEvent.click(retry);
    expect(await screen.findByText('No open positions yet.')).toBeInTheDocument();
    vi.unstubAllGlobals();
  });

  it('asks a visitor to log in', async () => {
    mockFetch({
      'GET /users/me': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'x') }),
      'POST /auth/refresh': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'x') }),
    });
    renderWithProviders(<PortfolioPage />);
    expect(await screen.findByText('Your forecasts, in one place')).toBeInTheDocument();
  });
});
