import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { PublicProfile } from '@/lib/api-types';

/** GET /users/{id} — the public view of a forecaster. */
export function getUser(id: string): Promise<PublicProfile> {
  return api.get<PublicProfile>(`/users/${encodeURIComponent(id)}`);
}

export function useUser(id: string) {
  return useQuery({ queryKey: ['user', id], queryFn: () => getUser(id), retry: false });
}
