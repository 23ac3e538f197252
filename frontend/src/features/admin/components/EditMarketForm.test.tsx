import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope, mockFetch } from '@/testing/fetch-mock';
import { aSummary, aUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { editChanges } from './EditMarketForm';
import { isoToManila } from './market-values';
import { MarketAdminRow } from './MarketAdminRow';

afterEach(() => vi.unstubAllGlobals());

const form = (m = aSummary()) => ({
  title: m.title,
  description: m.description ?? '',
  category: m.category,
  outcomes: m.outcomes.map((o) => o.name).join('\n'),
  closes_at: isoToManila(m.closes_at),
  resolves_at: '',
  max_points: '',
});

describe('editing a market', () => {
  it('shows Manila time in the inputs', () => {
    expect(isoToManila('2026-12-01T00:00:00Z')).toBe('2026-12-01T08:00');
    expect(isoToManila(null)).toBe('');
  });

  it('sends only what changed, and outcomes only while nobody has forecast', () => {
    const m = aSummary();
    expect(editChanges(m, form(m), false)).toEqual({});
    expect(editChanges(m, { ...form(m), title: 'New title ' }, false)).toEqual({
      title: 'New title',
    });
    expect(editChanges(m, { ...form(m), outcomes: 'Yes\nNo\nMaybe' }, false)).toEqual({});
    expect(editChanges(m, { ...form(m), outcomes: 'Yes\nNo\nMaybe' }, true)).toEqual({
      outcomes: ['Yes', 'No', 'Maybe'],
    });
    expect(editChanges(m, { ...form(m), outcomes: 'Only one' }, true)).toBeNull();
    expect(
      editChanges(m, { ...form(m), closes_at: '2030-01-01T10:00', max_points: '300' }, false),
    ).toEqual({ closes_at: '2030-01-01T10:00:00+08:00', max_points_per_user: 300 });
  });

  it('patches the market from the console row', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    const { calls } = mockFetch({
      'GET /users/me': () => ({ body: envelope(aUser({ role: 'admin' })) }),
      'PATCH /admin/markets/m1': (req) => ({
        body: envelope({ ...aSummary(), ...(req.body as object) }),
      }),
    });
    renderWithProviders(
      <ul>
        <MarketAdminRow market={aSummary()} />
      </ul>,
    );
    await userEvent.click(screen.getByText('Edit'));
    const title = screen.getByLabelText('Title');
    fireEvent.change(title, { target: { value: 'Will it rain in Manila on Saturday?' } });
    expect(screen.getByLabelText('Outcomes (one per line, 2–20)')).toBeDisabled();
    await userEvent.click(screen.getByText('Save changes'));
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
        title: 'Will it rain in Manila on Saturday?',
      }),
    );
  });
});
