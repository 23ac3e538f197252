import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope, mockFetch } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import type { MyReferrals } from '../api/get-referrals';
import { InviteSection } from './InviteSection';

afterEach(() => vi.unstubAllGlobals());

const mine = {
  code: 'juan',
  bonus: 100,
  monthly_cap: 20,
  paid_this_month: 1,
  chips_earned: 100,
  invitee_count: 2,
  invitees: [
    {
      id: 'i2',
      display_name: 'Bea',
      handle: 'bea',
      avatar_url: null,
      status: 'pending',
      refusal_reason: null,
      referrer_bonus: 0,
      joined_at: '2026-11-02T00:00:00Z',
      settled_at: null,
    },
    {
      id: 'i1',
      display_name: 'Carlo',
      handle: 'carlo',
      avatar_url: null,
      status: 'paid',
      refusal_reason: null,
      referrer_bonus: 100,
      joined_at: '2026-11-01T00:00:00Z',
      settled_at: '2026-11-01T01:00:00Z',
    },
  ],
} satisfies MyReferrals;

describe('invite section', () => {
  it('shows the referral link, what it earned and each invitee, and copies the link', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    mockFetch({ 'GET /users/me/referrals': () => ({ body: envelope(mine) }) });
    renderWithProviders(<InviteSection />);

    const url = `${window.location.origin}/r/juan`;
    expect(await screen.findByTestId('share-url')).toHaveValue(url);
    expect(screen.getByText(/you each get 100 chips \(up to 20 bonuses a month\)/)).toBeVisible();
    expect(screen.getByTestId('invite-summary')).toHaveTextContent(
      '2 joined · 100 chips earned · 1 of 20 bonuses this month',
    );
    expect(screen.getByText('Waiting for a first forecast')).toBeVisible();
    expect(screen.getByText('Bonus paid')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Carlo' })).toHaveAttribute('href', '/u/carlo');
    expect(screen.getByText('Facebook', { selector: 'ion-button' })).toHaveAttribute(
      'href',
      `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`,
    );

    await userEvent.click(screen.getByText('Copy link', { selector: 'ion-button' }));
    expect(writeText).toHaveBeenCalledWith(url);
    expect(await screen.findByText('Copied', { selector: 'ion-button' })).toBeVisible();
  });
});
