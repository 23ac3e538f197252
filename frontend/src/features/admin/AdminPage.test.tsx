import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope, failure, mockFetch } from '@/testing/fetch-mock';
import { aSummary, aUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { AdminPage } from './AdminPage';
import { manilaToIso, parseOutcomes } from './components/CreateMarketForm';
import { parseEvidence } from './components/MarketAdminRow';

afterEach(() => vi.unstubAllGlobals());

function adminRoutes(extra: Parameters<typeof mockFetch>[0] = {}) {
  document.cookie = 'XSRF-TOKEN=t';
  return mockFetch({
    'GET /users/me': () => ({ body: envelope(aUser({ role: 'admin' })) }),
    'GET /admin/stats': () => ({
      body: envelope({
        users: 120,
        active_users: 40,
        chips_in_circulation: 99000,
        purchases: 7,
        markets_by_status: { open: 5, resolved: 2 },
      }),
    }),
    'GET /markets': () => ({ body: envelope([aSummary()]) }),
    'GET /admin/users': () => ({
      body: envelope([
        {
          id: 'u9',
          email: 'x@y.ph',
          display_name: 'Xavier',
          role: 'user',
          status: 'suspended',
          is_flagged: true,
        },
      ]),
    }),
    'GET /admin/flags': () => ({
      body: envelope([
        { id: 'f1', rule: 'SHARED_DEVICE', user: { id: 'u9', display_name: 'Xavier' } },
      ]),
    }),
    'POST /admin/flags/f1/clear': () => ({ body: envelope(null) }),
    'GET /admin/audit-log': () => ({ status: 404, body: failure('NOT_FOUND', 'x') }),
    ...extra,
  });
}

describe('admin console', () => {
  it('is closed to ordinary users', async () => {
    mockFetch({ 'GET /users/me': () => ({ body: envelope(aUser()) }) });
    renderWithProviders(<AdminPage />);
    expect(
      await screen.findByText('Only administrators and moderators can open this page.'),
    ).toBeInTheDocument();
  });

  it('shows stats, users, flags and a missing endpoint politely', async () => {
    const { calls } = adminRoutes();
    renderWithProviders(<AdminPage />);
    expect(await screen.findByText('99,000')).toBeInTheDocument();
    expect(screen.getByText('open: 5')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Users' }));
    expect(await screen.findByText('Xavier')).toBeInTheDocument();
    expect(screen.getByText('Flagged')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Flags' }));
    expect(await screen.findByText('SHARED_DEVICE')).toBeInTheDocument();
    await userEvent.click(screen.getByText('Clear'));
    await waitFor(() => expect(calls.some((c) => c.path === '/admin/flags/f1/clear')).toBe(true));

    await userEvent.click(screen.getByRole('tab', { name: 'Audit log' }));
    expect(
      await screen.findByText('This admin endpoint is not available yet.'),
    ).toBeInTheDocument();
  });

  it('resolves only after an outcome is chosen and the confirmation repeats it', async () => {
    const { calls } = adminRoutes({
      'POST /admin/markets/m1/resolve': () => ({ body: envelope(null) }),
    });
    renderWithProviders(<AdminPage />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Markets' }));
    await userEvent.click(await screen.findByText('Resolve'));
    // No outcome is pre-selected.
    expect(screen.getByLabelText('Winning outcome')).toHaveValue('');
    await userEvent.click(screen.getByText('Review'));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose the winning outcome.');
    await userEvent.selectOptions(screen.getByLabelText('Winning outcome'), 'no');
    await userEvent.click(screen.getByText('Review'));
    expect(screen.getByRole('alert')).toHaveTextContent('Add at least one http(s) link.');
    await userEvent.type(
      screen.getByLabelText('Evidence URLs (one per line)'),
      'https://pagasa.dost.gov.ph/x',
    );
    await userEvent.type(screen.getByLabelText('Resolution note'), 'Dry day');
    await userEvent.click(screen.getByText('Review'));

    // The confirmation names the market, the outcome and the 7 forecasters; nothing sent yet.
    const confirm = screen.getByTestId('admin-confirm');
    expect(confirm).toHaveTextContent('Resolve “Will it rain in Manila on Friday?” to “No”?');
    expect(confirm).toHaveTextContent('7 forecasters are affected');
    expect(calls.some((c) => c.path === '/admin/markets/m1/resolve')).toBe(false);

    // Back keeps what was typed; a second review and the final button send it.
    await userEvent.click(screen.getByText('Back'));
    expect(screen.getByLabelText('Resolution note')).toHaveValue('Dry day');
    await userEvent.click(screen.getByText('Review'));
    await userEvent.click(screen.getByText('Resolve market'));
    await waitFor(() =>
      expect(calls.some((c) => c.path === '/admin/markets/m1/resolve')).toBe(true),
    );
    expect(calls.find((c) => c.path === '/admin/markets/m1/resolve')?.body).toEqual({
      outcome_id: 'no',
      evidence_urls: ['https://pagasa.dost.gov.ph/x'],
      resolution_note: 'Dry day',
    });
  });

  it('cancels only after a confirmation that repeats the reason and the forecasters', async () => {
    const { calls } = adminRoutes({
      'POST /admin/markets/m1/cancel': () => ({ body: envelope(null) }),
    });
    renderWithProviders(<AdminPage />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Markets' }));
    await userEvent.click(await screen.findByText('Cancel market'));
    await userEvent.click(screen.getByText('Review'));
    expect(screen.getByRole('alert')).toHaveTextContent('This field is required.');
    await userEvent.type(screen.getByLabelText('Reason'), 'PAGASA stopped reporting');
    await userEvent.click(screen.getByText('Review'));
    const confirm = screen.getByTestId('admin-confirm');
    expect(confirm).toHaveTextContent('Cancel “Will it rain in Manila on Friday?”?');
    expect(confirm).toHaveTextContent('7 forecasters get their stakes back');
    expect(confirm).toHaveTextContent('“PAGASA stopped reporting”');
    expect(calls.some((c) => c.path === '/admin/markets/m1/cancel')).toBe(false);
    await userEvent.click(screen.getByText('Cancel and refund everyone'));
    await waitFor(() =>
      expect(calls.find((c) => c.path === '/admin/markets/m1/cancel')?.body).toEqual({
        reason: 'PAGASA stopped reporting',
      }),
    );
  });

  it('creates a market', async () => {
    const { calls } = adminRoutes({
      'POST /admin/markets': () => ({ status: 201, body: envelope(aSummary()) }),
    });
    renderWithProviders(<AdminPage />);
    await userEvent.click(await screen.findByRole('tab', { name: 'New market' }));
    await userEvent.click(screen.getByText('Create market', { selector: 'ion-button' }));
    expect(screen.getAllByText('This field is required.')).toHaveLength(2);
    await userEvent.type(screen.getByLabelText('Title'), 'Will Gilas win?');
    await userEvent.type(screen.getByLabelText('Closes at (Manila time)'), '2026-12-01T18:00');
    await userEvent.click(screen.getByText('Create market', { selector: 'ion-button' }));
    expect(await screen.findByText('Market created.')).toBeInTheDocument();
    expect(calls.find((c) => c.path === '/admin/markets')?.body).toMatchObject({
      title: 'Will Gilas win?',
      outcomes: ['Yes', 'No'],
      category: 'election',
      closes_at: '2026-12-01T18:00:00+08:00',
    });
  });
});

describe('user management', () => {
  it('changes a status and grants chips with a reason', async () => {
    const { calls } = adminRoutes({
      'PATCH /admin/users/u9': () => ({ body: envelope(null) }),
      'POST /admin/users/u9/grant': () => ({ body: envelope(null) }),
    });
    renderWithProviders(<AdminPage />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Users' }));
    await userEvent.click(await screen.findByText('Manage'));
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'active');
    await userEvent.type(screen.getByLabelText('Chips to grant (negative takes back)'), '500');
    await userEvent.click(screen.getByText('Apply'));
    expect(screen.getByRole('alert')).toHaveTextContent('This field is required.');
    await userEvent.type(screen.getByLabelText('Reason'), 'Appeal accepted');
    await userEvent.click(screen.getByText('Apply'));
    await waitFor(() => expect(calls.some((c) => c.path === '/admin/users/u9/grant')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      status: 'active',
      reason: 'Appeal accepted',
    });
    const grant = calls.find((c) => c.path === '/admin/users/u9/grant');
    expect(grant?.body).toEqual({
      chips: 500,
      reason: 'Appeal accepted',
    });
    // A double submit grants once: the server sees the same key.
    expect(grant?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('admin form helpers', () => {
  it('parses outcomes and evidence', () => {
    expect(parseOutcomes('Yes\n No \n')).toEqual(['Yes', 'No']);
    expect(parseOutcomes('Yes\nyes')).toBeNull();
    expect(parseOutcomes('Only')).toBeNull();
    expect(parseEvidence('https://a.ph/x http://b.ph')).toEqual(['https://a.ph/x', 'http://b.ph']);
    expect(parseEvidence('ftp://a.ph')).toBeNull();
    expect(manilaToIso('')).toBeUndefined();
  });
});
