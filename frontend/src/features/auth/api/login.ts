import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { CurrentUser } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

export interface AuthResponse {
  user: CurrentUser;
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
}

export interface LoginInput {
  email: string;
  password: string;
}

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
