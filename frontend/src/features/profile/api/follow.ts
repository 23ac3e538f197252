import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { PublicProfile, Schemas } from '@/lib/api-types';

export type FollowCounts = Schemas['FollowCounts'];

/** POST /users/{id}/follow, or DELETE to unfollow — answers the user's new counts. */
export function setFollowing(id: string, follow: boolean): Promise<FollowCounts> {
  const path = `/users/${encodeURIComponent(id)}/follow`;
  return follow ? api.post<FollowCounts>(path, {}) : api.delete<FollowCounts>(path);
}

/** Follows or unfollows the profile's user and puts the new counts into the cached profile. */
export function useFollow(profile: PublicProfile) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (follow: boolean) => setFollowing(profile.id, follow),
    onSuccess: (counts) => {
      const update = (p: PublicProfile | undefined) => (p ? { ...p, ...counts } : p);
      qc.setQueryData<PublicProfile>(['user', 'by-handle', profile.handle], update);
      qc.setQueryData<PublicProfile>(['user', profile.id], update);
      void qc.invalidateQueries({ queryKey: ['activity'] });
    },
  });
}
