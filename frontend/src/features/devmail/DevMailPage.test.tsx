import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope, failure, mockFetch } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { DevMailPage } from './DevMailPage';

afterEach(() => vi.unstubAllGlobals());

const mail = {
  id: '<1@local>',
  to: ['maria@example.ph'],
  from: 'Pilimarket <no-reply@pilimarket.ph>',
  subject: 'Reset your Pilimarket password',
  text: 'Choose a new password:\nhttp://localhost:8080/reset-password?token=abc\n',
  html: '<html><head></head><body><a href="http://localhost:8080/reset-password?token=abc">Choose</a></body></html>',
  list_unsubscribe: null,
  list_unsubscribe_post: null,
  received_at: '2026-11-30T10:00:00Z',
};

describe('dev mail page', () => {
  it('lists the captured mail and shows its bodies', async () => {
    mockFetch({ 'GET /dev/mail': () => ({ body: envelope([mail]) }) });
    renderWithProviders(<DevMailPage />, { path: '/dev/mail' });
    await userEvent.click(await screen.findByText('Reset your Pilimarket password'));
    const frame = screen.getByTitle('Reset your Pilimarket password');
    expect(frame).toHaveAttribute('sandbox', 'allow-popups allow-popups-to-escape-sandbox');
    expect(frame.getAttribute('srcdoc')).toContain('<base target="_blank">');
    await userEvent.click(screen.getByText('Plain text', { selector: 'ion-button' }));
    expect(screen.getByText(/reset-password\?token=abc/)).toBeInTheDocument();
    expect(screen.getByText(/To: maria@example.ph/)).toBeInTheDocument();
  });

  it('says when the development mail server is off', async () => {
    mockFetch({
      'GET /dev/mail': () => ({
        status: 404,
        body: failure('NOT_FOUND', 'Development mail server not found'),
      }),
    });
    renderWithProviders(<DevMailPage />, { path: '/dev/mail' });
    expect(await screen.findByText(/development mail server is off/)).toBeInTheDocument();
  });
});
