import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';
import type { AuthResponse } from './login';

export type RegisterInput = Schemas['RegisterRequest'];

/** POST /auth/register — creates the account, signs in and grants the signup bonus. */
export function register(input: RegisterInput): Promise<AuthResponse> {
  return api.post<AuthResponse>('/auth/register', input);
}

export function useRegister() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: register,
    onSuccess: (res) => {
      qc.setQueryData(queryKeys.me, res.user);
      void qc.invalidateQueries();
    },
  });
}
