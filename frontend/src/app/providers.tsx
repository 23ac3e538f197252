import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { isApiError } from '@/lib/api-client';
import { I18nProvider, useI18n } from '@/lib/i18n';
import { useAuthLostListener, useLanguageSync } from '@/lib/session';
import { ThemeProvider } from '@/lib/theme';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Ask even while the browser says it is offline: the service worker answers the reads it
        // keeps for offline use (sw.js) with its stored copy, and the rest fail at once instead
        // of waiting as "paused" skeletons.
        networkMode: 'offlineFirst',
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (count, error) =>
          count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}

function AuthLostBridge() {
  useAuthLostListener();
  return null;
}

/** Back online: everything on screen is fetched again (the offline banner goes with the answers). */
function OnlineRefetch() {
  const client = useQueryClient();
  useEffect(() => {
    const refetch = () => void client.invalidateQueries();
    window.addEventListener('online', refetch);
    return () => window.removeEventListener('online', refetch);
  }, [client]);
  return null;
}

/**
 * The server answers in the language the app sends (Accept-Language): after a switch, what is on
 * screen is fetched again and a signed-in user's choice is saved (see useLanguageSync).
 */
function LanguageBridge() {
  const { lang, setLang } = useI18n();
  useLanguageSync(lang, setLang);
  return null;
}

export function AppProviders({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <ThemeProvider>
          <AuthLostBridge />
          <LanguageBridge />
          <OnlineRefetch />
          {children}
        </ThemeProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
