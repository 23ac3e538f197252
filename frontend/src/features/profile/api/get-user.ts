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

/** GET /users/by-handle/{handle} — the public view of the forecaster with this handle (any case). */
export function getUserByHandle(handle: string): Promise<PublicProfile> {
  return api.get<PublicProfile>(`/users/by-handle/${encodeURIComponent(handle)}`);
}

export function useUserByHandle(handle: string) {
  return useQuery({
    queryKey: ['user', 'by-handle', handle.toLowerCase()],
    queryFn: () => getUserByHandle(handle),
    retry: false,
  });
}
