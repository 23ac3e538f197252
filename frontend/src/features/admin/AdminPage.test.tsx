import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope, failure, mockFetch } from '@/testing/fetch-mock';
import { aSummary, aUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { AdminPage } from './AdminPage';
import type { AdminUser } from './api/get-admin-users';
import type { AuditEntry } from './api/get-audit-log';
import type { Flag } from './api/get-flags';
import type { AdminStats } from './api/get-stats';
import { manilaToIso, parseOutcomes } from './components/market-values';
import { parseEvidence } from './components/SettlePanel';

afterEach(() => vi.unstubAllGlobals());

const stats = {
  users: 120,
  active_users: 40,
  active_users_24h: 12,
  active_users_7d: 40,
  new_users24h: 3,
  new_users7d: 9,
  users_by_status: { active: 118, suspended: 2 },
  markets: 7,
  markets_by_status: { open: 5, resolved: 2 },
  chips_in_circulation: 99000,
  chips: { users: 99000, pools: 4000, house: 1000, minted: 104000, debt: 0, total: 104000 },
  purchases: 7,
  revenue_cents: 35000,
  purchases_by_provider: [],
  open_flags: 1,
  open_flags_by_rule: { SHARED_DEVICE: 1 },
  referrals: {
    signups: 14,
    signups_7d: 5,
    pending: 6,
    paid: 6,
    capped: 1,
    refused: 1,
    bonus_chips: 1300,
  },
  generated_at: '2026-05-01T00:00:00Z',
} satisfies AdminStats;

const xavier = {
  id: 'u9',
  email: 'x@y.ph',
  display_name: 'Xavier',
  role: 'user',
  status: 'suspended',
  is_flagged: true,
  chips: 1000,
  reputation: 0,
  created_at: '2026-04-01T00:00:00Z',
  last_active: null,
  signup_ip: null,
  signup_device_id: null,
} satisfies AdminUser;

const sharedDevice = {
  id: 'f1',
  rule: 'SHARED_DEVICE',
  status: 'open',
  subject_type: 'user',
  subject_id: 'u9',
  subject: { type: 'user', id: 'u9', is_flagged: true },
  evidence: { device_id: 'd1', accounts: 3 },
  user: {
    id: 'u9',
    display_name: 'Xavier',
    email: 'x@y.ph',
    status: 'suspended',
    is_flagged: true,
  },
  created_at: '2026-04-02T00:00:00Z',
  cleared_at: null,
  cleared_by: null,
  cleared_reason: null,
} satisfies Flag;

const grantEntry = {
  id: 41,
  action: 'user.grant',
  actor_id: 'a1',
  target_type: 'user',
  target_id: 'u9',
  details: { chips: 500 },
  ip: null,
  request_id: null,
  prev_hash: 'p',
  hash: 'h',
  created_at: '2026-04-03T00:00:00Z',
} satisfies AuditEntry;

function adminRoutes(extra: Parameters<typeof mockFetch>[0] = {}) {
  document.cookie = 'XSRF-TOKEN=t';
  return mockFetch({
    'GET /users/me': () => ({ body: envelope(aUser({ role: 'admin' })) }),
    'GET /admin/stats': () => ({ body: envelope(stats) }),
    'GET /markets': () => ({ body: envelope([aSummary()]) }),
    'GET /admin/users': () => ({ body: envelope([xavier]) }),
    'GET /admin/flags': () => ({ body: envelope([sharedDevice]) }),
    'POST /admin/flags/f1/clear': () => ({ body: envelope(null) }),
    'GET /admin/audit-log': () => ({ body: envelope([grantEntry]) }),
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

  it('gives every section a route of its own, /admin opening the role’s first', async () => {
    adminRoutes();
    const { unmount } = renderWithProviders(<AdminPage />, { path: '/admin/flags' });
    expect(await screen.findByText('SHARED_DEVICE')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Flags' })).toHaveAttribute('aria-selected', 'true');
    await userEvent.click(screen.getByRole('tab', { name: 'Audit log' }));
    expect(await screen.findByText('user.grant')).toBeInTheDocument();
    unmount();

    renderWithProviders(<AdminPage />, { path: '/admin' });
    expect(await screen.findByRole('tab', { name: 'Stats' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(await screen.findByText('99,000')).toBeInTheDocument();
  });

  it('sends a moderator from a section they may not open to the users section', async () => {
    const { calls } = adminRoutes({
      'GET /users/me': () => ({ body: envelope(aUser({ role: 'moderator' })) }),
    });
    renderWithProviders(<AdminPage />, { path: '/admin/stats' });
    expect(await screen.findByText('Xavier')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Users' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.queryByRole('tab', { name: 'Stats' })).not.toBeInTheDocument();
    expect(calls.some((c) => c.path === '/admin/stats')).toBe(false);
  });

  it('shows a reported comment in the flags queue and hides it', async () => {
    const reported = {
      ...sharedDevice,
      id: 'f2',
      rule: 'comment_reported',
      subject_type: 'comment',
      subject_id: 'c7',
      subject: {
        type: 'comment',
        id: 'c7',
        market_id: 'm1',
        market_title: 'Rain?',
        market_slug: 'rain',
        comment_body: 'Buy my coin',
        comment_hidden: false,
        comment_deleted: false,
        comment_reports: 2,
      },
      evidence: { reporter_id: 'u3', reason: 'spam' },
    } satisfies Flag;
    const { calls } = adminRoutes({
      'GET /users/me': () => ({ body: envelope(aUser({ role: 'moderator' })) }),
      'GET /admin/flags': () => ({ body: envelope([reported]) }),
      'POST /admin/comments/c7/hide': () => ({ body: envelope(null) }),
    });
    renderWithProviders(<AdminPage />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Flags' }));
    expect(await screen.findByText('Buy my coin')).toBeInTheDocument();
    expect(screen.getByText('2 reports')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open market' })).toHaveAttribute(
      'href',
      '/markets/rain#comment-c7',
    );
    await userEvent.click(screen.getByText('Hide comment'));
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'POST' && c.path === '/admin/comments/c7/hide')).toBe(
        true,
      ),
    );
  });

  it('shows stats, users, flags and the audit log', async () => {
    const { calls } = adminRoutes();
    renderWithProviders(<AdminPage />);
    expect(await screen.findByText('99,000')).toBeInTheDocument();
    expect(screen.getByText('120')).toBeInTheDocument();
    expect(screen.getByText('open: 5')).toBeInTheDocument();
    expect(screen.getByText('resolved: 2')).toBeInTheDocument();
    const referrals = screen.getByTestId('referral-stats');
    expect(referrals).toHaveTextContent('Referral sign-ups14');
    expect(referrals).toHaveTextContent('Bonuses paid7');
    expect(referrals).toHaveTextContent('Chips paid as referral bonuses1,300');

    await userEvent.click(screen.getByRole('tab', { name: 'Users' }));
    expect(await screen.findByText('Xavier')).toBeInTheDocument();
    expect(screen.getByText('Flagged')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Flags' }));
    expect(await screen.findByText('SHARED_DEVICE')).toBeInTheDocument();
    expect(screen.getByText(/Xavier ·/)).toBeInTheDocument();
    // A flag is cleared only with a reason, and the reason goes to the server.
    await userEvent.type(screen.getByLabelText('Reason'), 'Siblings on one phone');
    await userEvent.click(screen.getByText('Clear'));
    await waitFor(() =>
      expect(calls.find((c) => c.path === '/admin/flags/f1/clear')?.body).toEqual({
        reason: 'Siblings on one phone',
      }),
    );

    await userEvent.click(screen.getByRole('tab', { name: 'Audit log' }));
    expect(await screen.findByText('user.grant')).toBeInTheDocument();
    expect(screen.getByText(/user u9/)).toBeInTheDocument();
  });

  it('says what went wrong when a section fails, and tries again', async () => {
    let auditAnswers = 0;
    adminRoutes({
      'GET /admin/audit-log': () =>
        ++auditAnswers === 1
          ? { status: 500, body: failure('INTERNAL_ERROR', 'The audit log could not be read.') }
          : { body: envelope([]) },
    });
    renderWithProviders(<AdminPage />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Audit log' }));
    expect(await screen.findByText('The audit log could not be read.')).toBeInTheDocument();
    await userEvent.click(screen.getByText('Try again'));
    expect(await screen.findByText('The audit log is empty.')).toBeInTheDocument();
    expect(auditAnswers).toBe(2);
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
