import { IonButton } from '@ionic/react';
import { useState } from 'react';
import { Section } from '@/components/Page';
import { Tag } from '@/components/Tag';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { clearFlag } from '../api/clear-flag';
import { useFlags, type Flag } from '../api/get-flags';
import { useHideComment } from '../api/hide-comment';
import { useAdminMutation } from '../api/use-admin-mutation';
import { AdminList } from './AdminList';

/** /admin/flags — the moderation queue: clear a flag with a reason, hide a reported comment. */
export function FlagsPanel() {
  const t = useT();
  const q = useFlags(true);
  const clear = useAdminMutation(clearFlag);
  return (
    <Section title={t('admin.tab.flags')}>
      <AdminList query={q} emptyText={t('admin.noFlags')}>
        {(f) => (
          <FlagRow
            key={f.id}
            flag={f}
            busy={clear.isPending}
            onClear={(reason) => clear.mutate({ id: f.id, reason })}
          />
        )}
      </AdminList>
    </Section>
  );
}

function FlagRow({
  flag: f,
  busy,
  onClear,
}: {
  flag: Flag;
  busy: boolean;
  onClear: (reason: string) => void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  return (
    <li
      className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
      data-testid="flag-row"
    >
      <div className="min-w-0">
        <p className="font-medium">{f.rule}</p>
        <p className="truncate text-xs text-zinc-500">
          {f.user?.display_name ?? `${f.subject_type} ${f.subject_id}`} ·{' '}
          {formatDateTime(f.created_at)}
        </p>
        {f.subject.type === 'comment' && <ReportedComment flag={f} />}
      </div>
      <div className="flex items-center gap-2">
        <input
          className="w-36 rounded-md border border-zinc-300 bg-transparent px-2 py-1 text-sm dark:border-zinc-700"
          aria-label={t('admin.reason')}
          placeholder={t('admin.reason')}
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
        <IonButton
          size="small"
          fill="outline"
          disabled={busy || reason.trim() === ''}
          onClick={() => onClear(reason.trim())}
        >
          {t('admin.clearFlag')}
        </IonButton>
      </div>
    </li>
  );
}

/** A reported comment in the queue: its text, how many reported it, its market, and a Hide button. */
function ReportedComment({ flag: f }: { flag: Flag }) {
  const t = useT();
  const hide = useHideComment();
  const s = f.subject;
  return (
    <div className="mt-1 space-y-1" data-testid="flag-comment">
      {s.comment_body && (
        <blockquote className="line-clamp-3 border-l-2 border-zinc-300 pl-2 text-sm whitespace-pre-line [overflow-wrap:anywhere] dark:border-zinc-700">
          {s.comment_body}
        </blockquote>
      )}
      <p className="flex flex-wrap items-center gap-2 text-xs text-zinc-500">
        {s.comment_reports != null && (
          <span>{t('admin.commentReports', { count: s.comment_reports })}</span>
        )}
        {s.market_slug && (
          <a className="pm-link" href={`/markets/${s.market_slug}#comment-${s.id}`}>
            {t('admin.openMarket')}
          </a>
        )}
        {s.comment_hidden ? (
          <Tag tone="amber">{t('admin.commentHidden')}</Tag>
        ) : (
          !s.comment_deleted && (
            <IonButton
              size="small"
              fill="outline"
              color="danger"
              disabled={hide.isPending}
              onClick={() => hide.mutate(s.id)}
            >
              {t('admin.hideComment')}
            </IonButton>
          )
        )}
      </p>
    </div>
  );
}
