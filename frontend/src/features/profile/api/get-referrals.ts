import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';

export type MyReferrals = Schemas['MyReferrals'];
export type Invitee = Schemas['Invitee'];

/** GET /users/me/referrals — the caller's referral code, bonuses earned and invitees. */
export function getReferrals(): Promise<MyReferrals> {
  return api.get<MyReferrals>('/users/me/referrals');
}

export function useReferrals() {
  return useQuery({ queryKey: ['me', 'referrals'], queryFn: getReferrals });
}
