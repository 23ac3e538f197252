import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiRequest } from '@/lib/api-client';
import { DocumentTitleContext } from '@/lib/document-title';
import { CACHED_AT_HEADER, resetOfflineState } from '@/lib/offline';
import { envelope, mockFetch } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { PageBody } from './Page';
import { PageHeader } from './PageHeader';

afterEach(() => {
  vi.unstubAllGlobals();
  resetOfflineState();
  localStorage.removeItem('pm.lang');
});

describe('page header', () => {
  it('names the page in the document title, or the market a route supplies', () => {
    const { unmount } = renderWithProviders(<PageHeader title="Leaderboard" />);
    expect(document.title).toBe('Leaderboard · Pilimarket');
    unmount();
    renderWithProviders(
      <DocumentTitleContext.Provider value="Will it rain in Manila?">
        <PageHeader title="Markets" />
      </DocumentTitleContext.Provider>,
    );
    expect(document.title).toBe('Will it rain in Manila? · Pilimarket');
  });

  it('has the desktop navigation with the current section marked', () => {
    renderWithProviders(<PageHeader title="Activity" />, { path: '/activity' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const links = nav.querySelectorAll('ion-button');
    expect([...links].map((l) => l.textContent)).toEqual([
      'Home',
      'Markets',
      'Portfolio',
      'Leaderboard',
      'Activity',
      'Profile',
    ]);
    expect(nav.querySelector('[aria-current="page"]')).toHaveTextContent('Activity');
  });
});

describe('offline banner', () => {
  it('says how old stored data is, in the chosen language, and goes when the network answers', async () => {
    const fetchedAt = new Date(Date.now() - 5 * 60_000).toISOString();
    let stored = true;
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify(envelope([])), {
            headers: {
              'Content-Type': 'application/json',
              ...(stored ? { [CACHED_AT_HEADER]: fetchedAt } : {}),
            },
          }),
      ),
    );
    localStorage.setItem('pm.lang', 'fil');
    renderWithProviders(<PageHeader title="Markets" />);
    expect(screen.queryByTestId('offline-banner')).not.toBeInTheDocument();

    await act(() => apiRequest('/markets'));
    expect(screen.getByTestId('offline-banner')).toHaveTextContent(
      /^Offline ka — ang nakikita mo ay data noong 5 min\. ang nakalipas\.$/,
    );

    stored = false;
    await act(() => apiRequest('/markets'));
    expect(screen.queryByTestId('offline-banner')).not.toBeInTheDocument();
  });

  it('says the app is offline when the browser loses the network, until it is back', () => {
    renderWithProviders(<PageHeader title="Markets" />);
    act(() => window.dispatchEvent(new Event('offline')));
    expect(screen.getByTestId('offline-banner')).toHaveTextContent("You're offline.");
    act(() => window.dispatchEvent(new Event('online')));
    expect(screen.queryByTestId('offline-banner')).not.toBeInTheDocument();
  });

  it('refetches what is on screen when the network is back', async () => {
    const { calls } = mockFetch({ 'GET /users/me': () => ({ body: envelope(null) }) });
    const { client } = renderWithProviders(<PageHeader title="Markets" />);
    const spy = vi.spyOn(client, 'invalidateQueries');
    act(() => window.dispatchEvent(new Event('online')));
    expect(spy).toHaveBeenCalled();
    expect(calls).toBeDefined();
  });
});

describe('page body', () => {
  it('is not a second <main> inside IonContent (which already is the main landmark)', () => {
    const { container } = renderWithProviders(
      <PageBody>
        <p>x</p>
      </PageBody>,
    );
    expect(container.querySelector('main')).toBeNull();
  });
});
