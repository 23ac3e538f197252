import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope, failure, mockFetch } from '@/testing/fetch-mock';
import { aUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { HandleEditor } from './HandleEditor';

afterEach(() => vi.unstubAllGlobals());

describe('handle editor', () => {
  it('sends the new handle and closes the form', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    const { calls } = mockFetch({
      'GET /users/me': () => ({ body: envelope(aUser()) }),
      'PATCH /users/me': () => ({ body: envelope(aUser({ handle: 'juan_ph' })) }),
    });
    renderWithProviders(<HandleEditor handle="juan" />);
    expect(screen.getByTestId('my-handle')).toHaveTextContent('@juan');
    await userEvent.click(screen.getByText('Change handle', { selector: 'ion-button' }));
    const input = screen.getByLabelText('Handle');
    await userEvent.clear(input);
    await userEvent.type(input, 'Juan_PH');
    await userEvent.click(screen.getByText('Save handle', { selector: 'ion-button' }));
    // Saved: the form closes (the session now holds the new handle).
    expect(
      await screen.findByText('Change handle', { selector: 'ion-button' }),
    ).toBeInTheDocument();
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toEqual({ handle: 'Juan_PH' });
  });

  it('checks the form before sending and shows the server refusal', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    const { calls } = mockFetch({
      'GET /users/me': () => ({ body: envelope(aUser()) }),
      'PATCH /users/me': () => ({
        status: 422,
        body: failure(
          'HANDLE_CHANGE_TOO_SOON',
          'You can change your handle once a month; next from 2026-12-30',
        ),
      }),
    });
    renderWithProviders(<HandleEditor handle="juan" />);
    await userEvent.click(screen.getByText('Change handle', { selector: 'ion-button' }));
    const input = screen.getByLabelText('Handle');
    await userEvent.clear(input);
    await userEvent.type(input, 'no spaces');
    await userEvent.click(screen.getByText('Save handle', { selector: 'ion-button' }));
    expect(screen.getByText('Use 3–20 letters, digits or _.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);

    await userEvent.clear(input);
    await userEvent.type(input, 'juan2');
    await userEvent.click(screen.getByText('Save handle', { selector: 'ion-button' }));
    expect(
      await screen.findByText('You can change your handle once a month; next from 2026-12-30'),
    ).toBeInTheDocument();
  });
});
