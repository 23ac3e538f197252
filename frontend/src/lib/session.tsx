import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { api, isApiError } from './api-client';
import { hasSessionHint, onAuthLost } from './session-flag';
import type { CurrentUser } from './api-types';
import type { Lang } from './format';
import { hasChosenLang } from './i18n/lang';
import { queryKeys } from './query-keys';
import { forgetOfflineData } from './offline';

/**
 * GET /users/me; 401 means logged out (null), not an error. A browser that never opened a session
 * skips the call (no 401 in the console, no request on a visitor's first screen).
 */
export async function fetchMe(): Promise<CurrentUser | null> {
  if (!hasSessionHint()) return null;
  try {
    return await api.get<CurrentUser>('/users/me');
  } catch (e) {
    if (isApiError(e) && (e.status === 401 || e.status === 403)) return null;
    throw e;
  }
}

export interface Session {
  user: CurrentUser | null;
  isLoading: boolean;
  isLoggedIn: boolean;
}

/** The current user, shared by every feature through the `me` query. */
export function useSession(): Session {
  const q = useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: 30_000, retry: 1 });
  const user = q.data ?? null;
  return { user, isLoading: q.isLoading, isLoggedIn: !!user };
}

/** Puts the app in the logged-out state when the refresh token is gone. */
export function useAuthLostListener(): void {
  const qc = useQueryClient();
  useEffect(
    () =>
      onAuthLost(() => {
        qc.setQueryData(queryKeys.me, null);
      }),
    [qc],
  );
}

/** POST /auth/logout — revokes the refresh token family and clears the cookies. */
export function logout(): Promise<unknown> {
  return api.post('/auth/logout');
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      forgetOfflineData();
      qc.setQueryData(queryKeys.me, null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    },
  });
}

/**
 * Keeps the server in step with the language the app shows. When the user switches: what is on
 * screen is fetched again, so the texts the server rendered in the old language (notifications,
 * errors, chip history) follow, and a signed-in user's choice is saved (`PATCH /users/me
 * {language}`), so notifications pushed to them and answers to their other devices come in that
 * language too. When a user signs in (or registers): a language chosen on this browser is saved
 * to the account if the account has none or another; a browser where no language was ever chosen
 * takes the account's.
 */
export function useLanguageSync(lang: Lang, setLang: (lang: Lang) => void): void {
  const qc = useQueryClient();
  const { user } = useSession();
  const shown = useRef(lang);
  const save = useCallback(
    (language: Lang) => {
      api
        .patch<CurrentUser>('/users/me', { language })
        .then((saved) => qc.setQueryData(queryKeys.me, saved))
        .catch(() => {
          // Saving the preference is a convenience; the app already shows the chosen language.
        });
    },
    [qc],
  );
  useEffect(() => {
    if (shown.current === lang) return;
    shown.current = lang;
    void qc.invalidateQueries();
    const current = qc.getQueryData<CurrentUser | null>(queryKeys.me);
    if (current && current.language !== lang) save(lang);
  }, [lang, qc, save]);

  const userId = user?.id;
  useEffect(() => {
    if (!userId) return;
    const current = qc.getQueryData<CurrentUser | null>(queryKeys.me);
    const saved = current?.language ?? null;
    if (hasChosenLang()) {
      if (saved !== shown.current) save(shown.current);
    } else if (saved && saved !== shown.current) {
      setLang(saved);
    }
    // Once per signed-in user: later changes go through the switch above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [userId]);
}
