import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

export type PasswordResetInput = Schemas['PasswordResetRequest'];
export type PasswordResetConfirmInput = Schemas['PasswordResetConfirmation'];
export type LinkTokenInput = Schemas['LinkToken'];

/** POST /auth/password-reset — the same answer whether or not the address has an account. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (input: PasswordResetInput) =>
      api.post<Schemas['MailRequested']>('/auth/password-reset', input),
  });
}

/** POST /auth/password-reset/confirm — sets the password and ends every session (this one too). */
export function useConfirmPasswordReset() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PasswordResetConfirmInput) =>
      api.post<Schemas['PasswordReset']>('/auth/password-reset/confirm', input),
    onSuccess: () => {
      qc.setQueryData(queryKeys.me, null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    },
  });
}

/** POST /auth/verify-email — the token of the emailed link. */
export function useVerifyEmail() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: LinkTokenInput) =>
      api.post<Schemas['EmailVerified']>('/auth/verify-email', input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.me }),
  });
}

/** POST /auth/email-change/confirm — the token of the link sent to the new address. */
export function useConfirmEmailChange() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: LinkTokenInput) =>
      api.post<Schemas['EmailChanged']>('/auth/email-change/confirm', input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.me }),
  });
}
