import { useState } from 'react';
import { Section } from '@/components/Page';
import { Pager } from '@/components/Pager';
import { QueryView } from '@/components/QueryView';
import { ListSkeleton } from '@/components/States';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useAuditLog } from '../api/get-audit-log';

/** /admin/audit — who did what, newest first. */
export function AuditPanel() {
  const t = useT();
  const [page, setPage] = useState(1);
  const q = useAuditLog(true, page);
  return (
    <Section title={t('admin.tab.audit')}>
      <QueryView
        query={q}
        loading={<ListSkeleton count={2} />}
        errorText={(e) => errorMessage(e, t)}
        empty={<p className="text-sm text-zinc-500">{t('admin.noAudit')}</p>}
      >
        {(res) => (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {res.data.map((a) => (
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
            ))}
          </ul>
        )}
      </QueryView>
      <Pager pagination={q.data?.pagination} onPage={setPage} />
    </Section>
  );
}
