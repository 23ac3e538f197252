import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope, failure, mockFetch } from '@/testing/fetch-mock';
import { aMarket, aUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { ForecastSlip } from './ForecastSlip';

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

function loggedIn(chips = 1000, extra: Parameters<typeof mockFetch>[0] = {}) {
  document.cookie = 'XSRF-TOKEN=t';
  return mockFetch({ 'GET /users/me': () => ({ body: envelope(aUser({ chips })) }), ...extra });
}

describe('forecast slip', () => {
  it('asks a logged-out visitor to log in', async () => {
    mockFetch({
      'GET /users/me': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'x') }),
      'POST /auth/refresh': () => ({ status: 401 }),
    });
    renderWithProviders(<ForecastSlip market={aMarket()} />);
    expect(await screen.findByText('Log in to forecast')).toBeInTheDocument();
  });

  it('says forecasting is closed on a closed market', () => {
    mockFetch({});
    renderWithProviders(<ForecastSlip market={aMarket({ status: 'closed' })} />);
    expect(screen.getByText('Forecasting is closed for this market.')).toBeInTheDocument();
  });

  it('previews the payout as the amount changes', async () => {
    loggedIn();
    renderWithProviders(<ForecastSlip market={aMarket()} />);
    await userEvent.click(await screen.findByRole('button', { name: /^Yes/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Add 100' }));
    expect(screen.getByLabelText('Amount (chips)')).toHaveValue('100');
    expect(screen.getByTestId('slip-payout')).toHaveTextContent('₱157');
    await userEvent.click(screen.getByRole('button', { name: /^No/ }));
    expect(screen.getByTestId('slip-payout')).toHaveTextContent('₱220');
  });

  it('shows validation errors for amounts over the balance or the limit', async () => {
    loggedIn(120);
    renderWithProviders(<ForecastSlip market={aMarket()} />);
    const input = await screen.findByLabelText('Amount (chips)');
    await userEvent.type(input, '150');
    expect(screen.getByRole('alert')).toHaveTextContent('Not enough chips. You have 120.');
    await userEvent.clear(input);
    await userEvent.click(screen.getByRole('button', { name: 'Max' }));
    expect(input).toHaveValue('120');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('locks other outcomes once the user holds a position, and limits top-ups', async () => {
    loggedIn(5000);
    const market = aMarket({
      my_forecast: {
        id: 'f1',
        market_id: 'm1',
        outcome_id: 'no',
        points: 450,
        payout: null,
        status: 'pending',
        crowd_probability: 0.4,
        created_at: '',
        updated_at: '',
      },
    });
    renderWithProviders(<ForecastSlip market={market} />);
    expect(await screen.findByRole('button', { name: /^Yes/ })).toBeDisabled();
    expect(screen.getByRole('button', { name: /^No/ })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.type(screen.getByLabelText('Amount (chips)'), '60');
    expect(screen.getByRole('alert')).toHaveTextContent('leaves you 50');
  });

  it('places the forecast with an idempotency key and shows the new balance', async () => {
    const { calls } = loggedIn(1000, {
      'POST /forecasts': () => ({
        status: 201,
        body: envelope({
          id: 'f1',
          market_id: 'm1',
          outcome_id: 'yes',
          points: 50,
          status: 'pending',
          chips: 950,
        }),
      }),
      'GET /markets/m1': () => ({ body: envelope(aMarket()) }),
    });
    renderWithProviders(<ForecastSlip market={aMarket()} />);
    await userEvent.click(await screen.findByRole('button', { name: /^Yes/ }));
    await userEvent.type(screen.getByLabelText('Amount (chips)'), '50');
    await userEvent.click(screen.getByText('Forecast ₱50'));
    expect(await screen.findByRole('status')).toHaveTextContent('950 chips (₱950)');
    const post = calls.find((c) => c.method === 'POST' && c.path === '/forecasts')!;
    expect(post.body).toEqual({ market_id: 'm1', outcome_id: 'yes', points: 50 });
    expect(post.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shows the server refusal in plain words', async () => {
    loggedIn(1000, {
      'POST /forecasts': () => ({
        status: 422,
        body: failure('MARKET_NOT_OPEN', 'Market is closed'),
      }),
    });
    renderWithProviders(<ForecastSlip market={aMarket()} />);
    await userEvent.click(await screen.findByRole('button', { name: /^No/ }));
    await userEvent.type(screen.getByLabelText('Amount (chips)'), '10');
    await userEvent.click(screen.getByText('Forecast ₱10'));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('This market is not open for forecasts.'),
    );
  });

  it('turns 1.5 into a plain "whole chips" message, never 15', async () => {
    const { calls } = loggedIn(1000);
    renderWithProviders(<ForecastSlip market={aMarket()} />);
    await userEvent.click(await screen.findByRole('button', { name: /^Yes/ }));
    const input = screen.getByLabelText('Amount (chips)');
    await userEvent.type(input, '1.5');
    expect(input).toHaveValue('1.5');
    expect(screen.getByRole('alert')).toHaveTextContent('Chips are whole numbers');
    expect(screen.queryByText('Forecast ₱15')).not.toBeInTheDocument();
    expect(screen.getByText('Forecast').closest('ion-button')).toHaveAttribute('disabled');
    await userEvent.click(screen.getByText('Forecast'));
    expect(calls.some((c) => c.path === '/forecasts')).toBe(false);
  });

  it('says "Forecast" without an amount until one is typed', async () => {
    loggedIn(1000);
    renderWithProviders(<ForecastSlip market={aMarket()} />);
    await screen.findByRole('button', { name: /^Yes/ });
    expect(screen.getByText('Forecast')).toBeInTheDocument();
    expect(screen.queryByText('Forecast ₱0')).not.toBeInTheDocument();
  });

  it('shows the real limit: the balance when it is below what the cap leaves', async () => {
    loggedIn(900);
    renderWithProviders(<ForecastSlip market={aMarket({ max_points_per_user: 10_000 })} />);
    expect(await screen.findByTestId('slip-limit')).toHaveTextContent(
      'You can forecast up to 900 chips (₱900) (your balance).',
    );
    expect(screen.getByTestId('slip-limit')).not.toHaveTextContent('9,900');
    await userEvent.click(screen.getByRole('button', { name: 'Max' }));
    expect(screen.getByLabelText('Amount (chips)')).toHaveValue('900');
  });

  it('shows the real limit: what the cap leaves when it is below the balance', async () => {
    loggedIn(5000);
    renderWithProviders(<ForecastSlip market={aMarket({ max_points_per_user: 500 })} />);
    expect(await screen.findByTestId('slip-limit')).toHaveTextContent(
      'You can forecast up to 500 chips (₱500) (what the limit per person leaves you).',
    );
  });

  it('lists outcomes most likely first with percentages that add up to 100, names unclipped', async () => {
    loggedIn(1000);
    const long = 'Bam Aquino and Kiko Pangilinan as a tandem for the Senate';
    const market = aMarket({
      outcomes: [
        {
          id: 'a',
          name: 'Alpha',
          total_points: 0,
          probability: 0.335,
          pool_share: 0,
          payout_per_chip: 1,
          name_fil: null,
        },
        {
          id: 'b',
          name: long,
          total_points: 0,
          probability: 0.33,
          pool_share: 0,
          payout_per_chip: 1,
          name_fil: null,
        },
        {
          id: 'c',
          name: 'Gamma',
          total_points: 0,
          probability: 0.335,
          pool_share: 0,
          payout_per_chip: 1,
          name_fil: null,
        },
      ],
    });
    renderWithProviders(<ForecastSlip market={market} />);
    await screen.findByText(long);
    const buttons = screen.getAllByTestId('slip-outcome');
    expect(buttons.map((b) => b.textContent)).toEqual(['Alpha34%', 'Gamma33%', `${long}33%`]);
    expect(screen.getByText(long).className).not.toContain('truncate');
  });

  it('opens on the outcome a card’s button picked', async () => {
    loggedIn();
    renderWithProviders(<ForecastSlip market={aMarket()} initialOutcomeId="no" />);
    expect(await screen.findByRole('button', { name: /^No/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByRole('button', { name: /^Yes/ })).toHaveAttribute('aria-pressed', 'false');
  });

  it('explains per chip, long shots and play money before the first forecast, until skipped', async () => {
    loggedIn();
    const { unmount } = renderWithProviders(<ForecastSlip market={aMarket()} />);
    const intro = await screen.findByTestId('forecast-intro');
    expect(intro).toHaveTextContent('per chip');
    expect(intro).toHaveTextContent('12%');
    expect(intro).toHaveTextContent('play money');
    await userEvent.click(screen.getByRole('button', { name: 'Skip' }));
    expect(screen.queryByTestId('forecast-intro')).toBeNull();
    unmount();
    renderWithProviders(<ForecastSlip market={aMarket()} />);
    await screen.findByLabelText('Amount (chips)');
    expect(screen.queryByTestId('forecast-intro')).toBeNull();
  });

  it('explains it in Filipino too', async () => {
    localStorage.setItem('pm.lang', 'fil');
    loggedIn();
    renderWithProviders(<ForecastSlip market={aMarket()} />);
    expect(await screen.findByTestId('forecast-intro')).toHaveTextContent('Play money ang chips');
  });
});
