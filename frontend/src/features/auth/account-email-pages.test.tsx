import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '@/lib/query-keys';
import { envelope, failure, mockFetch } from '@/testing/fetch-mock';
import { aUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { ConfirmEmailChangePage, VerifyEmailPage } from './EmailLinkPage';
import { ForgotPasswordPage } from './ForgotPasswordPage';
import { LoginPage } from './LoginPage';
import { ResetPasswordPage } from './ResetPasswordPage';

afterEach(() => vi.unstubAllGlobals());

describe('forgot password', () => {
  it('is one tap from the login page', () => {
    mockFetch({});
    renderWithProviders(<LoginPage />, { path: '/login' });
    expect(screen.getByText('Forgot password?').closest('a')).toHaveAttribute(
      'href',
      '/forgot-password',
    );
  });

  it('asks for a link and answers without saying whether the account exists', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    const { calls } = mockFetch({
      'POST /auth/password-reset': () => ({ body: envelope({ requested: true }) }),
    });
    renderWithProviders(<ForgotPasswordPage />, { path: '/forgot-password' });
    await userEvent.type(screen.getByLabelText('Email'), ' maria@example.ph ');
    await userEvent.click(screen.getByText('Send the link', { selector: 'ion-button' }));
    expect(await screen.findByTestId('reset-requested')).toHaveTextContent(
      'If an account uses maria@example.ph, a link is on its way.',
    );
    expect(calls.find((c) => c.path === '/auth/password-reset')?.body).toEqual({
      email: 'maria@example.ph',
    });
  });

  it('checks the address before asking', async () => {
    const { calls } = mockFetch({});
    renderWithProviders(<ForgotPasswordPage />, { path: '/forgot-password' });
    await userEvent.type(screen.getByLabelText('Email'), 'not-an-email');
    await userEvent.click(screen.getByText('Send the link', { selector: 'ion-button' }));
    expect(await screen.findByText('Enter a valid email.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});

describe('reset password', () => {
  it('sets the new password with the token of the link and logs this browser out', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    const { calls } = mockFetch({
      'POST /auth/password-reset/confirm': () => ({ body: envelope({ password_reset: true }) }),
    });
    const { client } = renderWithProviders(<ResetPasswordPage />, {
      path: '/reset-password?token=abc_123',
    });
    client.setQueryData(queryKeys.me, aUser());
    await userEvent.type(screen.getByLabelText('New password'), 'a new passphrase');
    await userEvent.type(screen.getByLabelText('New password again'), 'a new passphrase');
    await userEvent.click(screen.getByText('Save the new password', { selector: 'ion-button' }));
    expect(await screen.findByTestId('password-reset-done')).toHaveTextContent(
      'every device was logged out',
    );
    expect(calls.find((c) => c.path === '/auth/password-reset/confirm')?.body).toEqual({
      token: 'abc_123',
      password: 'a new passphrase',
    });
    expect(client.getQueryData(queryKeys.me)).toBeNull();
  });

  it('refuses two different passwords without asking the server', async () => {
    const { calls } = mockFetch({});
    renderWithProviders(<ResetPasswordPage />, { path: '/reset-password?token=abc' });
    await userEvent.type(screen.getByLabelText('New password'), 'a new passphrase');
    await userEvent.type(screen.getByLabelText('New password again'), 'another passphrase');
    await userEvent.click(screen.getByText('Save the new password', { selector: 'ion-button' }));
    expect(await screen.findByText('The two passwords are not the same.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('offers a new link when the link expired', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    mockFetch({
      'POST /auth/password-reset/confirm': () => ({
        status: 410,
        body: failure('LINK_EXPIRED', 'This link has expired: ask for a new one'),
      }),
    });
    renderWithProviders(<ResetPasswordPage />, { path: '/reset-password?token=old' });
    await userEvent.type(screen.getByLabelText('New password'), 'a new passphrase');
    await userEvent.type(screen.getByLabelText('New password again'), 'a new passphrase');
    await userEvent.click(screen.getByText('Save the new password', { selector: 'ion-button' }));
    const dead = await screen.findByTestId('dead-link');
    expect(dead).toHaveTextContent('This link has expired: ask for a new one');
    expect(screen.getByText('Ask for a new link').closest('a')).toHaveAttribute(
      'href',
      '/forgot-password',
    );
  });

  it('explains a page opened without the link', () => {
    mockFetch({});
    renderWithProviders(<ResetPasswordPage />, { path: '/reset-password' });
    expect(screen.getByTestId('dead-link')).toHaveTextContent('needs the link from your email');
  });
});

describe('email links', () => {
  it('verifies the address once on opening the link', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    const { calls } = mockFetch({
      'POST /auth/verify-email': () => ({
        body: envelope({ email: 'maria@example.ph', email_verified: true }),
      }),
    });
    renderWithProviders(<VerifyEmailPage />, { path: '/verify-email?token=tok' });
    expect(await screen.findByTestId('link-done')).toHaveTextContent(
      'Thanks! maria@example.ph is confirmed.',
    );
    expect(calls.filter((c) => c.path === '/auth/verify-email')).toHaveLength(1);
    expect(calls[calls.length - 1].body).toEqual({ token: 'tok' });
  });

  it('shows why an email change link did not work', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    mockFetch({
      'POST /auth/email-change/confirm': () => ({
        status: 410,
        body: failure('LINK_USED', 'This link was already used: ask for a new one'),
      }),
    });
    renderWithProviders(<ConfirmEmailChangePage />, { path: '/confirm-email?token=tok' });
    await waitFor(() => expect(screen.getByTestId('dead-link')).toHaveTextContent('already used'));
  });
});
