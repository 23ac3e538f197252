import { useState } from 'react';
import { Section } from '@/components/Page';
import { QueryView } from '@/components/QueryView';
import { ListSkeleton } from '@/components/States';
import type { Role } from '@/lib/api-types';
import { errorMessage } from '@/lib/error-message';
import { useT } from '@/lib/i18n';
import { useDebounced } from '@/lib/use-debounced';
import { useAdminUsers } from '../api/get-admin-users';
import { UserAdminRow } from './UserAdminRow';

/** /admin/users — find a user; change role or status, grant chips (what `role` may do). */
export function UsersPanel({ role }: { role: Role }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const q = useAdminUsers(true, useDebounced(search));
  return (
    <Section title={t('admin.tab.users')}>
      <input
        type="search"
        className="pm-input mb-2"
        aria-label={t('admin.searchUsers')}
        placeholder={t('admin.searchUsers')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <QueryView
        query={q}
        loading={<ListSkeleton count={2} />}
        errorText={(e) => errorMessage(e, t)}
        empty={<p className="text-sm text-zinc-500">{t('admin.noUsers')}</p>}
      >
        {(res) => (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {res.data.map((u) => (
              <UserAdminRow key={u.id} user={u} actorRole={role} />
            ))}
          </ul>
        )}
      </QueryView>
    </Section>
  );
}
