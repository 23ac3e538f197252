import { useState } from 'react';
import { Section } from '@/components/Page';
import { Pager } from '@/components/Pager';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useAuditLog } from '../api/get-audit-log';
import { AdminList } from './AdminList';

/** /admin/audit — who did what, newest first. */
export function AuditPanel() {
  const t = useT();
  const [page, setPage] = useState(1);
  const q = useAuditLog(true, page);
  return (
    <Section title={t('admin.tab.audit')}>
      <AdminList query={q} emptyText={t('admin.noAudit')}>
        {(a) => (
          <li key={a.id} className="py-2 text-sm">
            <p className="font-medium">{a.action}</p>
            <p className="text-xs text-zinc-500">
              {a.actor_id ?? ''}
              {a.target_type && (
                <>
                  {' '}
                  · {a.target_type} {a.target_id}
                </>
              )}{' '}
              · {formatDateTime(a.created_at)}
            </p>
          </li>
        )}
      </AdminList>
      <Pager pagination={q.data?.pagination} onPage={setPage} />
    </Section>
  );
}
