import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { envelope, mockFetch } from '@/testing/fetch-mock';
import { aUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { LANG_KEY } from './i18n/lang';
import { useT } from './i18n';

function Label() {
  return <p>{useT()('auth.login')}</p>;
}

afterEach(() => localStorage.removeItem(LANG_KEY));

describe('the language of a signed-in user', () => {
  it('saves the language chosen on this browser to an account that has none', async () => {
    localStorage.setItem(LANG_KEY, 'fil');
    const { calls } = mockFetch({
      'GET /users/me': () => ({ body: envelope(aUser({ language: null })) }),
      'PATCH /users/me': (req) => ({
        body: envelope(aUser({ language: (req.body as { language: 'en' | 'fil' }).language })),
      }),
    });
    renderWithProviders(<Label />);
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PATCH' && c.path === '/users/me')?.body).toEqual({
        language: 'fil',
      }),
    );
    expect(screen.getByText('Mag-log in')).toBeInTheDocument();
  });

  it("takes the account's language on a browser where none was chosen", async () => {
    const { calls } = mockFetch({
      'GET /users/me': () => ({ body: envelope(aUser({ language: 'fil' })) }),
    });
    renderWithProviders(<Label />);
    expect(await screen.findByText('Mag-log in')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
  });

  it('leaves an account alone whose language is the one shown', async () => {
    localStorage.setItem(LANG_KEY, 'en');
    const { calls } = mockFetch({
      'GET /users/me': () => ({ body: envelope(aUser({ language: 'en' })) }),
    });
    renderWithProviders(<Label />);
    await waitFor(() => expect(calls.some((c) => c.path === '/users/me')).toBe(true));
    expect(screen.getByText('Log in')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
  });
});
