import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope, failure, mockFetch } from '@/testing/fetch-mock';
import { aUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { WalletPage } from './WalletPage';
import { WalletReturnPage } from './WalletReturnPage';

afterEach(() => vi.unstubAllGlobals());

const packages = [100, 500].map((n) => ({
  id: `p${n}`,
  chips: n,
  amount_cents: n * 100,
  currency: 'PHP',
}));

describe('buying chips', () => {
  it('shows the virtual-chips notice, packages and history, and starts a checkout', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign });
    const { calls } = mockFetch({
      'GET /users/me': () => ({ body: envelope(aUser()) }),
      'GET /purchases/packages': () => ({ body: envelope(packages) }),
      'GET /purchases': () => ({
        body: envelope([
          { id: 'old', status: 'completed', provider: 'gcash', chips: 100, amount_cents: 10000 },
        ]),
      }),
      'GET /users/me/transactions': () => ({
        body: envelope([
          {
            id: 't1',
            amount: 1000,
            balance_after: 1000,
            reason: 'Signup bonus',
            reason_code: 'signup_bonus',
            reference: 'signup:u1',
            created_at: '2026-11-01T00:00:00Z',
            market_id: null,
            market: null,
          },
          {
            id: 't2',
            amount: -50,
            balance_after: 950,
            reason: 'Forecast',
            reason_code: 'forecast',
            reference: 'forecast:f1:1',
            created_at: '2026-11-02T00:00:00Z',
            market_id: 'm1',
            market: {
              id: 'm1',
              slug: 'rain-friday',
              title: 'Will it rain on Friday?',
              title_fil: 'Uulan ba sa Biyernes?',
            },
          },
        ]),
      }),
      'POST /purchases': () => ({
        status: 201,
        body: envelope({
          id: 'new',
          status: 'pending',
          provider: 'paymaya',
          chips: 500,
          amount_cents: 50000,
          checkout_url: '/sandbox/checkout/new',
        }),
      }),
    });
    renderWithProviders(<WalletPage />, { path: '/wallet' });
    expect(screen.getByRole('note')).toHaveTextContent('cannot be cashed out');
    expect(await screen.findByText('Completed')).toBeInTheDocument();
    // The server labels each reason in the reader's language; the app shows the label as it is.
    expect(await screen.findByText('Signup bonus')).toBeInTheDocument();
    expect(screen.getByText('-50')).toBeInTheDocument();
    // A forecast's line names its market and links to it.
    expect(screen.getByRole('link', { name: 'Will it rain on Friday?' })).toHaveAttribute(
      'href',
      '/markets/rain-friday',
    );
    expect(screen.getByText('Balance ₱950')).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: /500/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Maya' }));
    await userEvent.click(screen.getByText('Buy 500 chips (₱500)'));
    await waitFor(() => expect(assign).toHaveBeenCalledWith('/sandbox/checkout/new'));
    const post = calls.find((c) => c.method === 'POST' && c.path === '/purchases')!;
    expect(post.body).toEqual({ provider: 'paymaya', package_id: 'p500' });
    expect(post.headers['idempotency-key']).toBeTruthy();
  });

  it('asks for an amount and sends custom chip amounts', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    const { calls } = mockFetch({
      'GET /users/me': () => ({ body: envelope(aUser()) }),
      'GET /purchases/packages': () => ({ body: envelope(packages) }),
      'GET /purchases': () => ({ body: envelope([]) }),
      'GET /users/me/transactions': () => ({ body: envelope([]) }),
      'POST /purchases': () => ({ status: 429, body: failure('RATE_LIMITED', 'slow down') }),
    });
    renderWithProviders(<WalletPage />, { path: '/wallet' });
    await screen.findByText('No purchases yet.');
    await userEvent.click(screen.getByText('Buy chips', { selector: 'ion-button' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Pick a package or enter an amount.');
    await userEvent.type(screen.getByLabelText('Custom amount (chips)'), '250');
    await userEvent.click(screen.getByText('Buy 250 chips (₱250)'));
    expect(await screen.findByText('Too many tries. Please wait a moment.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ provider: 'gcash', chips: 250 });
  });
});

describe('custom amount', () => {
  it('says 2.5 is not a whole number as it is typed, and never buys 25', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    const { calls } = mockFetch({
      'GET /users/me': () => ({ body: envelope(aUser()) }),
      'GET /purchases/packages': () => ({ body: envelope(packages) }),
      'GET /purchases': () => ({ body: envelope([]) }),
      'GET /users/me/transactions': () => ({ body: envelope([]) }),
    });
    renderWithProviders(<WalletPage />, { path: '/wallet' });
    await screen.findByText('No purchases yet.');
    const input = screen.getByLabelText('Custom amount (chips)');
    expect(screen.getByTestId('purchase-limits')).toHaveTextContent('Whole chips only.');
    await userEvent.type(input, '2.5');
    expect(input).toHaveValue('2.5');
    expect(screen.getByRole('alert')).toHaveTextContent('Chips are whole numbers');
    expect(screen.queryByText(/Buy 25 chips/)).not.toBeInTheDocument();
    await userEvent.click(screen.getByText('Buy chips', { selector: 'ion-button' }));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.clear(input);
    await userEvent.type(input, '1,000');
    expect(screen.getByText('Buy 1,000 chips (₱1,000)')).toBeInTheDocument();
  });
});

const limits = { min_chips: 100, max_chips: 50000, daily_limit_chips: 50000 };

describe('custom amount limits', () => {
  it('shows the limits before typing, flags amounts out of range, and clears old errors as the user types', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    let answer = 0;
    const { calls } = mockFetch({
      'GET /users/me': () => ({ body: envelope(aUser()) }),
      'GET /purchases/packages': () => ({ body: envelope(packages) }),
      'GET /purchases/limits': () => ({ body: envelope(limits) }),
      'GET /purchases': () => ({ body: envelope([]) }),
      'GET /users/me/transactions': () => ({ body: envelope([]) }),
      'POST /purchases': () =>
        ++answer === 1
          ? {
              status: 422,
              body: failure('DAILY_LIMIT_EXCEEDED', 'Lampas na sa ₱50,000 na limit ngayong araw.'),
            }
          : { status: 201, body: envelope({ id: 'p', status: 'pending', chips: 300 }) },
    });
    renderWithProviders(<WalletPage />, { path: '/wallet' });
    await waitFor(() =>
      expect(screen.getByTestId('purchase-limits')).toHaveTextContent(
        'Custom amount: 100 to 50,000 chips. Up to 50,000 chips a day.',
      ),
    );
    const input = screen.getByLabelText('Custom amount (chips)');
    expect(input).toHaveAttribute('aria-describedby', 'custom-chips-limits');

    // Typing towards the minimum is not an error yet; leaving the field below it is.
    await userEvent.type(input, '5');
    expect(screen.getByTestId('purchase-limits')).not.toHaveTextContent('minimum');
    await userEvent.tab();
    expect(screen.getByTestId('purchase-limits')).toHaveTextContent('The minimum is 100 chips.');
    expect(input).toHaveAttribute('aria-invalid', 'true');

    // Over the maximum: said at once, and the button does not send it.
    await userEvent.clear(input);
    await userEvent.type(input, '50001');
    expect(screen.getByTestId('purchase-limits')).toHaveTextContent(
      'The maximum is 50,000 chips per purchase.',
    );
    await userEvent.clear(input);
    await userEvent.type(input, '300');
    expect(screen.getByTestId('purchase-limits')).toHaveTextContent('Custom amount: 100 to');

    // The server's own message (already in the user's language) is shown as it is...
    await userEvent.click(screen.getByText('Buy 300 chips (₱300)'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Lampas na sa ₱50,000 na limit ngayong araw.',
    );
    // ...and goes away as soon as the amount changes.
    await userEvent.type(input, '0');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    expect(calls.filter((c) => c.method === 'POST')[0].body).toEqual({
      provider: 'gcash',
      chips: 300,
    });
  });
});

describe('payment return page', () => {
  it('polls the purchase until it completes', async () => {
    let polls = 0;
    mockFetch({
      'GET /users/me': () => ({ body: envelope(aUser()) }),
      'GET /purchases/abc': () => ({
        body: envelope({
          id: 'abc',
          status: ++polls > 1 ? 'completed' : 'pending',
          provider: 'gcash',
          chips: 500,
          amount_cents: 50000,
        }),
      }),
    });
    renderWithProviders(<WalletReturnPage />, { path: '/wallet/return?purchase=abc' });
    expect(await screen.findByText('Confirming your payment…')).toBeInTheDocument();
    expect(
      await screen.findByText(
        /Payment received! 500 chips \(₱500\) were added/,
        {},
        { timeout: 4000 },
      ),
    ).toBeInTheDocument();
  });

  it('reports a failed payment', async () => {
    mockFetch({
      'GET /purchases/bad': () => ({
        body: envelope({
          id: 'bad',
          status: 'failed',
          provider: 'stripe',
          chips: 100,
          amount_cents: 10000,
        }),
      }),
    });
    renderWithProviders(<WalletReturnPage />, { path: '/wallet/return?purchase=bad' });
    expect(
      await screen.findByText('The payment did not go through. No chips were added.'),
    ).toBeInTheDocument();
  });

  it('handles a missing purchase id', () => {
    mockFetch({});
    renderWithProviders(<WalletReturnPage />, { path: '/wallet/return' });
    expect(screen.getByText('We could not find this purchase.')).toBeInTheDocument();
  });
});
