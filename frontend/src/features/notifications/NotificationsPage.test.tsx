import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope, failure, mockFetch } from '@/testing/fetch-mock';
import { aUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { NotificationBell } from './components/NotificationBell';
import { NotificationsPage } from './NotificationsPage';

afterEach(() => vi.unstubAllGlobals());

describe('notifications', () => {
  it('lists notifications and marks one or all as read', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    const { calls } = mockFetch({
      'GET /users/me': () => ({ body: envelope(aUser()) }),
      'GET /notifications': () => ({
        body: envelope([
          {
            id: 'n1',
            type: 'market_resolved',
            message: 'You won ₱157',
            read: false,
            metadata: { market_slug: 'rain', payout: 157 },
            created_at: new Date().toISOString(),
          },
          {
            id: 'n2',
            type: 'badge_earned',
            message: 'You earned First forecast',
            is_read: true,
            metadata: {},
            created_at: new Date().toISOString(),
          },
        ]),
      }),
      'POST /notifications/n1/read': () => ({ body: envelope(null) }),
      'POST /notifications/read-all': () => ({ body: envelope(null) }),
      'GET /users/me/notification-preferences': () => ({
        body: envelope({
          market_resolved: true,
          badge_earned: true,
          new_market: false,
          forecast_reminder: true,
          new_market_categories: [],
          email_frequency: 'weekly',
        }),
      }),
      'PUT /users/me/notification-preferences': (req) => ({ body: envelope(req.body) }),
    });
    renderWithProviders(<NotificationsPage />);
    expect(await screen.findByText('You won ₱157')).toBeInTheDocument();
    expect(screen.getByText('Market resolved')).toBeInTheDocument();
    expect(screen.getByText('New badge')).toBeInTheDocument();
    // The card of a notification about a market is one link (stretched over the card).
    const link = screen.getByRole('link', { name: 'Market resolved' });
    expect(link).toHaveAttribute('href', '/markets/rain');
    expect(link.closest('[data-testid="notification"]')).toHaveTextContent('You won ₱157');
    expect(screen.queryByRole('link', { name: 'New badge' })).not.toBeInTheDocument();
    expect(screen.getAllByText('Mark read')).toHaveLength(1);
    await userEvent.click(screen.getByText('Mark read'));
    await userEvent.click(screen.getByText('Mark all read'));
    await waitFor(() => expect(calls.some((c) => c.path === '/notifications/read-all')).toBe(true));
    expect(calls.some((c) => c.method === 'POST' && c.path === '/notifications/n1/read')).toBe(
      true,
    );

    const unreadOnly = screen.getByRole('switch', { name: 'Unread only' });
    expect(unreadOnly).not.toBeChecked();
    await userEvent.click(unreadOnly);
    expect(unreadOnly).toBeChecked();
    await waitFor(() =>
      expect(calls.some((c) => c.path === '/notifications' && c.query.get('unread'))).toBe(true),
    );
  });

  it('asks logged-out visitors to log in', async () => {
    mockFetch({ 'GET /users/me': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'x') }) });
    renderWithProviders(<NotificationsPage />);
    expect(await screen.findByText('Log in to see notifications.')).toBeInTheDocument();
  });

  it('shows the unread count on the bell', async () => {
    mockFetch({
      'GET /users/me': () => ({ body: envelope(aUser()) }),
      'GET /notifications/unread-count': () => ({ body: envelope({ count: 3 }) }),
    });
    renderWithProviders(<NotificationBell />);
    expect(await screen.findByLabelText('Notifications, 3 unread')).toBeInTheDocument();
    expect(screen.getByText('3')).toBeInTheDocument();
  });
});
