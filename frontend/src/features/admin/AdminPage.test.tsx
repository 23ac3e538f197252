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

  it('resolves a market with evidence links', async () => {
    const { calls } = adminRoutes({
      'POST /admin/markets/m1/resolve': () => ({ body: envelope(null) }),
    });
    renderWithProviders(<AdminPage />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Markets' }));
    await userEvent.click(await screen.findByText('Resolve'));
    await userEvent.click(screen.getByText('Resolve market'));
    expect(screen.getByRole('alert')).toHaveTextContent('Add at least one http(s) link.');
    await userEvent.selectOptions(screen.getByLabelText('Winning outcome'), 'no');
    await userEvent.type(
      screen.getByLabelText('Evidence URLs (one per line)'),
      'https://pagasa.dost.gov.ph/x',
    );
    await userEvent.type(screen.getByLabelText('Resolution note'), 'Dry day');
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
