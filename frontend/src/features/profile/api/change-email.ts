import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';

export type EmailChangeInput = Schemas['EmailChangeRequest'];

/** POST /users/me/email-change — a confirmation link goes to the new address. */
export function useRequestEmailChange() {
  return useMutation({
    mutationFn: (input: EmailChangeInput) =>
      api.post<Schemas['EmailChangeRequested']>('/users/me/email-change', input),
  });
}
