import { api } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';

/** PATCH /admin/users/{id} */
export const updateUser = (v: { id: string } & Schemas['ChangeRequest']) => {
  const { id, ...body } = v;
  return api.patch(`/admin/users/${encodeURIComponent(id)}`, body);
};
