import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route } from 'react-router-dom';
import { AppProviders } from '@/app/providers';

export function testQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
  });
}

/** Renders `ui` with the app's providers and a memory router at `path`. */
export function renderWithProviders(
  ui: ReactElement,
  { path = '/', route = '/' }: { path?: string; route?: string } = {},
) {
  const client = testQueryClient();
  const result = render(
    <AppProviders client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Route path={route}>{ui}</Route>
      </MemoryRouter>
    </AppProviders>,
  );
  return { ...result, client };
}
