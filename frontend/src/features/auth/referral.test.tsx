import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Switch } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope, failure, mockFetch } from '@/testing/fetch-mock';
import { aUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { REFERRAL_KEY, referralCode } from './referral';
import { ReferralLinkPage } from './ReferralLinkPage';
import { RegisterPage } from './RegisterPage';

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.removeItem(REFERRAL_KEY);
});

const ana = {
  id: 'u7',
  display_name: 'Ana Reyes',
  handle: 'ana',
  bio: null,
  avatar_url: null,
  reputation: 3,
  badges: [],
  created_at: '2026-01-01T00:00:00Z',
  followers: 0,
  following: 0,
  followed_by_me: false,
};

describe('referral links', () => {
  it('carries /r/:handle into sign-up and sends it as referral_code', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    const { calls } = mockFetch({
      'GET /users/by-handle/ana': () => ({ body: envelope(ana) }),
      'POST /auth/register': () => ({
        status: 201,
        body: envelope({
          user: aUser(),
          access_token: 'a',
          refresh_token: 'r',
          expires_in: 900,
        }),
      }),
    });
    renderWithProviders(
      <Switch>
        <Route path="/r/:handle" component={ReferralLinkPage} />
        <Route path="/register" component={RegisterPage} />
      </Switch>,
      { path: '/r/Ana', route: '/' },
    );
    expect(await screen.findByTestId('invited-by')).toHaveTextContent(
      'Ana Reyes (@ana) invited you.',
    );
    expect(localStorage.getItem(REFERRAL_KEY)).toBe('ana');

    await userEvent.type(screen.getByLabelText('Display name'), 'Ben');
    await userEvent.type(screen.getByLabelText('Email'), 'ben@example.ph');
    await userEvent.type(screen.getByLabelText('Password'), 'long enough password');
    await userEvent.click(screen.getByText('Sign up', { selector: 'ion-button' }));

    await vi.waitFor(() =>
      expect(calls.find((c) => c.path === '/auth/register')?.body).toMatchObject({
        display_name: 'Ben',
        referral_code: 'ana',
      }),
    );
    await vi.waitFor(() => expect(localStorage.getItem(REFERRAL_KEY)).toBeNull());
  });

  it('keeps a stored code for a later sign-up and ignores malformed ones', () => {
    expect(referralCode('?ref=juan_ph')).toBe('juan_ph');
    expect(referralCode('?ref=<script>')).toBeNull();
    localStorage.setItem(REFERRAL_KEY, 'maria');
    expect(referralCode('')).toBe('maria');
    localStorage.setItem(REFERRAL_KEY, 'bad code!');
    expect(referralCode('')).toBeNull();
  });

  it('says nothing about an inviter the link does not name', async () => {
    mockFetch({
      'GET /users/by-handle/ghost': () => ({ status: 404, body: failure('NOT_FOUND', 'x') }),
    });
    renderWithProviders(<RegisterPage />, { path: '/register?ref=ghost', route: '/register' });
    expect(await screen.findByLabelText('Display name')).toBeInTheDocument();
    expect(screen.queryByTestId('invited-by')).not.toBeInTheDocument();
  });
});
