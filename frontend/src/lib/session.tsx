import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, hasSessionHint, isApiError, onAuthLost } from './api-client';
import type { CurrentUser } from './api-types';
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
