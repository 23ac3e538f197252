import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { primeGet } from '@/lib/api-client';
import { clearPrimed } from '@/lib/primed';
import { lazyPage } from './lazy-page';
import { firstScreenReady } from './start';

function Hello() {
  return <p>Hello page</p>;
}

describe('code-split pages', () => {
  it('shows a loading state until the code has arrived', async () => {
    const Page = lazyPage(() => Promise.resolve(Hello));
    render(<Page />);
    expect(screen.getByRole('status', { name: 'Loading…' })).toBeInTheDocument();
    expect(await screen.findByText('Hello page')).toBeInTheDocument();
  });

  it('renders a preloaded page in its first render, without the loading state', async () => {
    const loader = vi.fn(() => Promise.resolve(Hello));
    const Page = lazyPage(loader);
    await Page.preload();
    render(<Page />);
    expect(screen.getByText('Hello page')).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('tries a failed load again', async () => {
    const loader = vi
      .fn<() => Promise<typeof Hello>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue(Hello);
    const Page = lazyPage(loader);
    await expect(Page.preload()).rejects.toThrow('offline');
    await Page.preload();
    expect(loader).toHaveBeenCalledTimes(2);
  });
});

describe('first screen', () => {
  afterEach(() => {
    clearPrimed();
    vi.unstubAllGlobals();
  });

  it('does not wait longer than allowed for a slow first request', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>(() => {})),
    );
    primeGet('/markets');
    const started = Date.now();
    await firstScreenReady('/markets', 30);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
