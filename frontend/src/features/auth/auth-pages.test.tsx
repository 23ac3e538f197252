import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '@/lib/query-keys';
import { envelope, mockFetch } from '@/testing/fetch-mock';
import { aUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { LoginPage, nextPath } from './LoginPage';
import { RegisterPage, validateRegistration } from './RegisterPage';

afterEach(() => vi.unstubAllGlobals());

describe('login', () => {
  it('logs in and stores the current user', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    const { calls } = mockFetch({
      'POST /auth/login': () => ({
        body: envelope({ user: aUser(), access_token: 'a', refresh_token: 'r', expires_in: 900 }),
      }),
      'GET /users/me': () => ({ body: envelope(aUser()) }),
    });
    const { client } = renderWithProviders(<LoginPage />, { path: '/login' });
    await userEvent.type(screen.getByLabelText('Email'), 'juan@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'secret-password');
    await userEvent.click(screen.getByText('Log in', { selector: 'ion-button' }));
    await waitFor(() => expect(client.getQueryData(queryKeys.me)).toMatchObject({ id: 'u1' }));
    expect(calls.find((c) => c.path === '/auth/login')?.body).toEqual({
      email: 'juan@example.com',
      password: 'secret-password',
    });
  });

  it('shows the server message for wrong credentials', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    mockFetch({
      'POST /auth/login': () => ({
        status: 401,
        body: {
          success: false,
          data: null,
          errors: [{ code: 'UNAUTHENTICATED', field: null, message: 'Wrong email or password' }],
        },
      }),
    });
    renderWithProviders(<LoginPage />, { path: '/login' });
    await userEvent.type(screen.getByLabelText('Email'), 'juan@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'bad');
    await userEvent.click(screen.getByText('Log in', { selector: 'ion-button' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password');
  });

  it('only follows local next paths', () => {
    expect(nextPath('?next=/wallet')).toBe('/wallet');
    expect(nextPath('?next=//evil.example')).toBe('/markets');
    expect(nextPath('?next=https://evil.example')).toBe('/markets');
    expect(nextPath('')).toBe('/markets');
  });
});

describe('register', () => {
  it('validates fields before sending', async () => {
    const { calls } = mockFetch({});
    renderWithProviders(<RegisterPage />, { path: '/register' });
    await userEvent.type(screen.getByLabelText('Email'), 'not-an-email');
    await userEvent.type(screen.getByLabelText('Password'), 'short');
    await userEvent.click(screen.getByText('Sign up', { selector: 'ion-button' }));
    expect(screen.getByText('Enter a valid email.')).toBeInTheDocument();
    expect(screen.getByText('Password must be at least 10 characters.')).toBeInTheDocument();
    expect(screen.getByText('Enter a display name (2–40 characters).')).toBeInTheDocument();
    expect(calls.filter((c) => c.path === '/auth/register')).toHaveLength(0);
  });

  it('shows field errors from the server under the fields', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    mockFetch({
      'POST /auth/register': () => ({
        status: 409,
        body: {
          success: false,
          data: null,
          errors: [
            { code: 'EMAIL_TAKEN', field: 'email', message: 'This email is already registered' },
          ],
        },
      }),
    });
    renderWithProviders(<RegisterPage />, { path: '/register' });
    await userEvent.type(screen.getByLabelText('Display name'), 'Juan');
    await userEvent.type(screen.getByLabelText('Email'), 'juan@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'long-enough-password');
    await userEvent.click(screen.getByText('Sign up', { selector: 'ion-button' }));
    expect(await screen.findByText('This email is already registered')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
  });

  it('accepts valid input', () => {
    expect(
      validateRegistration({ email: 'a@b.ph', password: '0123456789', display_name: 'Al' }),
    ).toEqual({});
  });
});
