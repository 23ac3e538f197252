import { useState } from 'react';
import { Section } from '@/components/Page';
import type { Role } from '@/lib/api-types';
import { useT } from '@/lib/i18n';
import { useDebounced } from '@/lib/use-debounced';
import { useAdminUsers } from '../api/get-admin-users';
import { AdminList, AdminSearch } from './AdminList';
import { UserAdminRow } from './UserAdminRow';

/** /admin/users — find a user; change role or status, grant chips (what `role` may do). */
export function UsersPanel({ role }: { role: Role }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const q = useAdminUsers(true, useDebounced(search));
  return (
    <Section title={t('admin.tab.users')}>
      <AdminSearch label={t('admin.searchUsers')} value={search} onChange={setSearch} />
      <AdminList query={q} emptyText={t('admin.noUsers')}>
        {(u) => <UserAdminRow key={u.id} user={u} actorRole={role} />}
      </AdminList>
    </Section>
  );
}
