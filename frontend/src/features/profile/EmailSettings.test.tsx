import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope, failure, mockFetch } from '@/testing/fetch-mock';
import { aUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { EmailSettings } from './components/EmailSettings';

afterEach(() => vi.unstubAllGlobals());

describe('email settings', () => {
  it('shows whether the address is confirmed', () => {
    mockFetch({});
    renderWithProviders(<EmailSettings user={aUser({ email_verified: false })} />);
    expect(screen.getByTestId('email-status')).toHaveTextContent('Not confirmed yet');
    expect(screen.getByText('Your email: juan@example.com')).toBeInTheDocument();
  });

  it('sends the change to the new address with the current password', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    const { calls } = mockFetch({
      'POST /users/me/email-change': () => ({
        body: envelope({ pending_email: 'juan.new@example.ph' }),
      }),
    });
    renderWithProviders(<EmailSettings user={aUser()} />);
    await userEvent.type(screen.getByLabelText('New email'), 'juan.new@example.ph');
    await userEvent.type(screen.getByLabelText('Your current password'), 'my password 1');
    await userEvent.click(screen.getByText('Change email', { selector: 'ion-button' }));
    expect(await screen.findByTestId('email-change-sent')).toHaveTextContent(
      'We sent a link to juan.new@example.ph.',
    );
    expect(calls.find((c) => c.path === '/users/me/email-change')?.body).toEqual({
      new_email: 'juan.new@example.ph',
      password: 'my password 1',
    });
  });

  it('shows the server message under the field it is about', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    mockFetch({
      'POST /users/me/email-change': () => ({
        status: 400,
        body: failure('VALIDATION_FAILED', 'is not your current password', 'password'),
      }),
    });
    renderWithProviders(<EmailSettings user={aUser()} />);
    await userEvent.type(screen.getByLabelText('New email'), 'juan.new@example.ph');
    await userEvent.type(screen.getByLabelText('Your current password'), 'wrong');
    await userEvent.click(screen.getByText('Change email', { selector: 'ion-button' }));
    expect(await screen.findByText('is not your current password')).toBeInTheDocument();
  });
});
