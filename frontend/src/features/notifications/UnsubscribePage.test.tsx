import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope, failure, mockFetch } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { UnsubscribePage } from './UnsubscribePage';

afterEach(() => vi.unstubAllGlobals());

describe('unsubscribe page', () => {
  it('stops the emails with one tap, and not on opening', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    const { calls } = mockFetch({
      'POST /email/unsubscribe': () => ({ body: envelope({ unsubscribed: true }) }),
    });
    renderWithProviders(<UnsubscribePage />, { path: '/unsubscribe?token=abc.def' });
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await userEvent.click(screen.getByText('Stop these emails', { selector: 'ion-button' }));
    expect(await screen.findByTestId('unsubscribed')).toHaveTextContent('no more of these emails');
    const post = calls.find((c) => c.path === '/email/unsubscribe');
    expect(post?.query.get('token')).toBe('abc.def');
  });

  it('shows why a bad link did not work', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    mockFetch({
      'POST /email/unsubscribe': () => ({
        status: 400,
        body: failure('LINK_INVALID', 'This link is not valid: ask for a new one'),
      }),
    });
    renderWithProviders(<UnsubscribePage />, { path: '/unsubscribe?token=forged' });
    await userEvent.click(screen.getByText('Stop these emails', { selector: 'ion-button' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This link is not valid');
  });
});
