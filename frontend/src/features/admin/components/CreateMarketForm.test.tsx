import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope, mockFetch } from '@/testing/fetch-mock';
import { aSummary, aUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { CreateMarketForm } from './CreateMarketForm';
import { MarketAdminRow } from './MarketAdminRow';
import { closesAfterResolves } from './schedule-warning';

afterEach(() => vi.unstubAllGlobals());

const WARNING = /closes after the answer is expected/;

describe('a market that would close after its event', () => {
  it('is recognised from the two Manila times', () => {
    expect(closesAfterResolves('2027-01-05T00:00', '2026-12-31T23:59')).toBe(true);
    expect(closesAfterResolves('2026-12-31T00:00', '2026-12-31T00:00')).toBe(false);
    expect(closesAfterResolves('2026-12-30T00:00', '')).toBe(false);
  });

  it('is warned about in the new-market form as the admin types, and not sent', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    const { calls } = mockFetch({
      'GET /users/me': () => ({ body: envelope(aUser({ role: 'admin' })) }),
      'POST /admin/markets': () => ({ status: 201, body: envelope(aSummary()) }),
    });
    renderWithProviders(<CreateMarketForm />);
    await userEvent.type(screen.getByLabelText('Title'), 'Will BTC be above ₱5M on 31 Dec?');
    fireEvent.change(screen.getByLabelText('Closes at (Manila time)'), {
      target: { value: '2027-01-05T00:00' },
    });
    expect(screen.queryByText(WARNING)).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Resolves at (optional)'), {
      target: { value: '2026-12-31T23:00' },
    });
    expect(screen.getByText(WARNING)).toBeInTheDocument();
    expect(screen.getByLabelText('Resolves at (optional)')).toHaveAttribute('aria-invalid', 'true');
    await userEvent.click(screen.getByText('Create market', { selector: 'ion-button' }));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(screen.getByLabelText('Closes at (Manila time)'), {
      target: { value: '2026-12-31T00:00' },
    });
    expect(screen.queryByText(WARNING)).not.toBeInTheDocument();
  });

  it('is warned about when editing a market', async () => {
    mockFetch({ 'GET /users/me': () => ({ body: envelope(aUser({ role: 'admin' })) }) });
    renderWithProviders(
      <ul>
        <MarketAdminRow market={aSummary({ closes_at: '2027-01-04T16:00:00Z' })} />
      </ul>,
    );
    await userEvent.click(screen.getByText('Edit'));
    fireEvent.change(screen.getByLabelText('Resolves at (optional)'), {
      target: { value: '2026-12-31T23:00' },
    });
    expect(screen.getByText(WARNING)).toBeInTheDocument();
  });
});
