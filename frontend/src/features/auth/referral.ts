import { useQuery } from '@tanstack/react-query';
import { api, isApiError } from '@/lib/api-client';
import type { PublicProfile } from '@/lib/api-types';

/** Where a referral link's code waits until the visitor signs up (they may look around first). */
export const REFERRAL_KEY = 'pm.referral';
const HANDLE = /^[a-zA-Z0-9_]{3,20}$/;

export function rememberReferral(code: string) {
  if (!HANDLE.test(code)) return;
  try {
    localStorage.setItem(REFERRAL_KEY, code.toLowerCase());
  } catch {
    // private mode: the ?ref= parameter still carries it
  }
}

export function forgetReferral() {
  try {
    localStorage.removeItem(REFERRAL_KEY);
  } catch {
    // nothing stored
  }
}

/** The referral code of this sign-up: the `ref` parameter, else the one a link stored earlier. */
export function referralCode(search: string): string | null {
  const fromUrl = new URLSearchParams(search).get('ref');
  if (fromUrl && HANDLE.test(fromUrl)) return fromUrl.toLowerCase();
  try {
    const stored = localStorage.getItem(REFERRAL_KEY);
    return stored && HANDLE.test(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** GET /users/by-handle/{code} — who invited the visitor (null when the link names nobody). */
export function useInviter(code: string | null) {
  return useQuery({
    queryKey: ['inviter', code],
    queryFn: async () => {
      try {
        return await api.get<PublicProfile>(`/users/by-handle/${encodeURIComponent(code!)}`);
      } catch (e) {
        if (isApiError(e) && e.status === 404) return null;
        throw e;
      }
    },
    enabled: !!code,
    retry: false,
  });
}
