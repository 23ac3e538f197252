import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '@/lib/query-keys';
import { envelope, failure, mockFetch } from '@/testing/fetch-mock';
import { aUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { VerifyEmailBanner } from './VerifyEmailBanner';

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

function renderFor(user: ReturnType<typeof aUser> | null) {
  const r = renderWithProviders(<VerifyEmailBanner />);
  r.client.setQueryData(queryKeys.me, user);
  return r;
}

describe('verify email banner', () => {
  it('reminds an unverified user and sends the link again', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    const { calls } = mockFetch({
      'POST /users/me/email-verification': () => ({ body: envelope({ requested: true }) }),
    });
    renderFor(aUser({ email_verified: false, email: 'juan@example.ph' }));
    expect(await screen.findByTestId('verify-email-banner')).toHaveTextContent(
      'Confirm your email: we sent a link to juan@example.ph.',
    );
    await userEvent.click(screen.getByText('Send again'));
    expect(await screen.findByText('Sent. Check your inbox.')).toBeInTheDocument();
    expect(calls.filter((c) => c.path === '/users/me/email-verification')).toHaveLength(1);
  });

  it('shows the server answer when asked again too soon', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    mockFetch({
      'POST /users/me/email-verification': () => ({
        status: 429,
        body: failure('RATE_LIMITED', 'Too many requests; try again in 42 s'),
      }),
    });
    renderFor(aUser({ email_verified: false }));
    await userEvent.click(await screen.findByText('Send again'));
    expect(await screen.findByText('Too many requests; try again in 42 s')).toBeInTheDocument();
  });

  it('is not shown to verified users or visitors, and hides on request', async () => {
    mockFetch({});
    const { unmount } = renderFor(aUser({ email_verified: true }));
    expect(screen.queryByTestId('verify-email-banner')).toBeNull();
    unmount();
    const visitor = renderFor(null);
    expect(screen.queryByTestId('verify-email-banner')).toBeNull();
    visitor.unmount();
    renderFor(aUser({ email_verified: false }));
    await userEvent.click(await screen.findByText('Hide'));
    expect(screen.queryByTestId('verify-email-banner')).toBeNull();
    expect(sessionStorage.getItem('pm.verifyBannerHidden')).toBe('1');
  });
});
