import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

export type AuthResponse = Schemas['Session'];

export type LoginInput = Schemas['LoginRequest'];

/** POST /auth/login — the server sets the session cookies. */
export function login(input: LoginInput): Promise<AuthResponse> {
  return api.post<AuthResponse>('/auth/login', input);
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (res) => {
      qc.setQueryData(queryKeys.me, res.user);
      void qc.invalidateQueries();
    },
  });
}
