import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSession } from '@/lib/session';
import { envelope, mockFetch } from '@/testing/fetch-mock';
import { aUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { useNotificationStream } from './use-notification-stream';

/** An event stream the test can push events into. */
class FakeStream {
  static last: FakeStream | null = null;
  listeners: Record<string, () => void> = {};
  onmessage: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor() {
    FakeStream.last = this;
  }
  addEventListener(type: string, listener: () => void) {
    this.listeners[type] = listener;
  }
  close() {}
}

function Bell() {
  const { user } = useSession();
  useNotificationStream(!!user);
  return <p>{user?.chips}</p>;
}

afterEach(() => vi.unstubAllGlobals());

describe('the notification stream', () => {
  it('refreshes the balance when a notification arrives (a payout or refund moved chips)', async () => {
    vi.stubGlobal('EventSource', FakeStream);
    let chips = 990;
    const { calls } = mockFetch({
      'GET /users/me': () => ({ body: envelope(aUser({ chips })) }),
      'GET /notifications': () => ({ body: envelope([]) }),
    });
    const view = renderWithProviders(<Bell />);
    expect(await view.findByText('990')).toBeInTheDocument();
    const before = calls.filter((c) => c.path === '/users/me').length;

    chips = 1000; // the market was cancelled: the stake came back
    FakeStream.last!.listeners.notification!();

    expect(await view.findByText('1000')).toBeInTheDocument();
    await waitFor(() =>
      expect(calls.filter((c) => c.path === '/users/me').length).toBeGreaterThan(before),
    );
  });
});
