import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';

export type CapturedMail = Schemas['CapturedMail'];

const KEY = ['dev-mail'] as const;

/** GET /dev/mail — what the development mail server caught, newest first (404: it is off). */
export function useDevMail() {
  return useQuery({
    queryKey: KEY,
    queryFn: () => api.get<CapturedMail[]>('/dev/mail'),
    retry: false,
    staleTime: 0,
    refetchInterval: 5_000,
  });
}

/** DELETE /dev/mail */
export function useClearDevMail() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<Schemas['Cleared']>('/dev/mail'),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
}
