import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { CurrentUser } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

/** PATCH /users/me {handle} — at most once a month; 409 HANDLE_TAKEN, 422 HANDLE_CHANGE_TOO_SOON. */
export function changeHandle(handle: string): Promise<CurrentUser> {
  return api.patch<CurrentUser>('/users/me', { handle });
}

export function useChangeHandle() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: changeHandle,
    onSuccess: (user) => {
      qc.setQueryData(queryKeys.me, user);
      void qc.invalidateQueries({ queryKey: ['user'] });
    },
  });
}
