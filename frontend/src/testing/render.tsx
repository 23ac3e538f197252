import { IonRouterContext, type IonRouterContextState } from '@ionic/react';
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter, Route, useHistory, useLocation } from 'react-router-dom';
import { AppProviders } from '@/app/providers';

export function testQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
  });
}

/** Ionic's router context on top of the memory router, so `useIonRouter().push` works in tests. */
function TestIonRouter({ children }: { children: ReactNode }) {
  const history = useHistory();
  const location = useLocation();
  const value: IonRouterContextState = {
    routeInfo: { id: 'test', pathname: location.pathname, search: location.search },
    push: (pathname) => history.push(pathname),
    back: () => history.goBack(),
    canGoBack: () => history.length > 1,
    nativeBack: () => history.goBack(),
  };
  return <IonRouterContext.Provider value={value}>{children}</IonRouterContext.Provider>;
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
        <TestIonRouter>
          <Route path={route}>{ui}</Route>
        </TestIonRouter>
      </MemoryRouter>
    </AppProviders>,
  );
  return { ...result, client };
}
