import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { isStaff, type CurrentUser } from '@/lib/api-types';
import { errorMessage } from '@/lib/error-message';
import { formatPeso, formatRelative } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import type { Comment, useCommentActions } from '../api/comments';
import { CommentComposer } from './CommentComposer';
import { LinkifiedText } from './LinkifiedText';

type Actions = ReturnType<typeof useCommentActions>;

interface ItemProps {
  comment: Comment;
  viewer: CurrentUser | null;
  closed: boolean;
  actions: Actions;
}

/** A top-level comment and its replies (one level), with the reply box when it is open. */
export function CommentThread(props: ItemProps) {
  const { t } = useI18n();
  // The comment being answered: the thread's first comment or one of its replies (the server keeps
  // replies one level deep, and notifies whoever was answered).
  const [replyTo, setReplyTo] = useState<Comment | null>(null);
  const { comment, actions } = props;
  return (
    <li className="py-3" data-testid="comment-thread">
      <CommentItem {...props} onReply={() => setReplyTo(comment)} />
      {(comment.replies.length > 0 || replyTo) && (
        <ul className="mt-2 ml-4 space-y-2 border-l-2 border-zinc-200 pl-3 dark:border-zinc-800">
          {comment.replies.map((r) => (
            <li key={r.id} data-testid="comment-reply">
              <CommentItem {...props} comment={r} onReply={() => setReplyTo(r)} />
            </li>
          ))}
          {replyTo && (
            <li>
              <CommentComposer
                key={replyTo.id}
                label={t('comments.replyTo', { name: replyTo.user.display_name })}
                submitLabel={t('comments.reply')}
                pending={actions.post.isPending}
                autoFocus
                onSubmit={async (body) => {
                  await actions.post.mutateAsync({ body, parentId: replyTo.id });
                  setReplyTo(null);
                }}
                onCancel={() => setReplyTo(null)}
              />
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

function CommentItem({
  comment: c,
  viewer,
  closed,
  actions,
  onReply,
}: ItemProps & { onReply: () => void }) {
  const { t, lang } = useI18n();
  const [mode, setMode] = useState<'view' | 'edit' | 'delete' | 'report'>('view');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const now = new Date();
  const mine = !!viewer && viewer.id === c.user.id;
  const moderator = isStaff(viewer) && viewer?.status === 'active';
  const writable = !!viewer && viewer.status === 'active' && !closed;
  const canEdit = mine && writable && !c.hidden && new Date(c.editable_until) > now;
  const run = (action: Promise<unknown>) => {
    setError(null);
    action.then(
      () => setMode('view'),
      (e: unknown) => setError(errorMessage(e, t)),
    );
  };

  if (c.deleted) {
    return (
      <p className="text-sm text-zinc-500 italic" data-testid="comment" data-deleted="true">
        {t('comments.deleted')}
      </p>
    );
  }

  return (
    <article
      id={`comment-${c.id}`}
      className="text-sm"
      data-testid="comment"
      data-comment-id={c.id}
      data-hidden={c.hidden}
    >
      <header className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Avatar name={c.user.display_name} url={c.user.avatar_url} />
        <Link
          className="font-semibold text-inherit"
          to={c.user.handle ? `/u/${c.user.handle}` : `/users/${c.user.id}`}
        >
          {c.user.display_name}
        </Link>
        {c.position && (
          <span
            className="rounded-full bg-blue-50 px-2 py-0.5 text-xs font-medium text-blue-800 dark:bg-blue-950 dark:text-blue-200"
            data-testid="comment-position"
          >
            {t('comments.position', {
              points: formatPeso(c.position.points),
              outcome: c.position.outcome_name,
            })}
          </span>
        )}
        <time className="text-xs text-zinc-500" dateTime={c.created_at}>
          {formatRelative(c.created_at, now, lang)}
        </time>
        {c.edited_at && <span className="text-xs text-zinc-500">· {t('comments.edited')}</span>}
      </header>

      {c.hidden && (
        <p
          className="mt-1 text-xs font-medium text-amber-700 dark:text-amber-400"
          data-testid="comment-hidden"
        >
          {t('comments.hidden')}
        </p>
      )}

      {mode === 'edit' ? (
        <div className="mt-2">
          <CommentComposer
            label={t('comments.edit')}
            submitLabel={t('common.save')}
            initial={c.body}
            pending={actions.edit.isPending}
            autoFocus
            onSubmit={async (body) => {
              await actions.edit.mutateAsync({ id: c.id, body });
              setMode('view');
            }}
            onCancel={() => setMode('view')}
          />
        </div>
      ) : (
        c.body && (
          <p
            className={`mt-1 whitespace-pre-line [overflow-wrap:anywhere] ${c.hidden ? 'text-zinc-500' : ''}`}
            data-testid="comment-body"
          >
            <LinkifiedText text={c.body} />
          </p>
        )
      )}

      {mode === 'view' && (
        <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
          <button
            type="button"
            className={`py-1 ${c.liked_by_me ? 'font-semibold text-blue-700 dark:text-blue-300' : 'text-zinc-600 dark:text-zinc-400'}`}
            aria-pressed={c.liked_by_me}
            aria-label={t(c.liked_by_me ? 'comments.unlikeAria' : 'comments.likeAria', {
              count: c.likes,
            })}
            disabled={!writable || c.hidden}
            onClick={() => actions.like.mutate({ id: c.id, like: !c.liked_by_me })}
            data-testid="comment-like"
          >
            ♥ {c.likes}
          </button>
          {writable && !c.hidden && (
            <ActionButton onClick={onReply}>{t('comments.reply')}</ActionButton>
          )}
          {canEdit && (
            <ActionButton onClick={() => setMode('edit')}>{t('comments.edit')}</ActionButton>
          )}
          {mine && viewer?.status === 'active' && (
            <ActionButton onClick={() => setMode('delete')}>{t('comments.delete')}</ActionButton>
          )}
          {!!viewer &&
            !mine &&
            viewer.status === 'active' &&
            (c.reported_by_me ? (
              <span className="text-zinc-500" data-testid="comment-reported">
                {t('comments.reported')}
              </span>
            ) : (
              <ActionButton onClick={() => setMode('report')}>{t('comments.report')}</ActionButton>
            ))}
          {moderator && (
            <ActionButton
              onClick={() => run(actions.moderate.mutateAsync({ id: c.id, hide: !c.hidden }))}
            >
              {c.hidden ? t('comments.restore') : t('comments.hide')}
            </ActionButton>
          )}
        </div>
      )}

      {mode === 'delete' && (
        <div className="mt-2 flex flex-wrap items-center gap-2 text-xs" role="group">
          <span>{t('comments.deleteConfirm')}</span>
          <ActionButton danger onClick={() => run(actions.remove.mutateAsync(c.id))}>
            {t('comments.deleteYes')}
          </ActionButton>
          <ActionButton onClick={() => setMode('view')}>{t('common.cancel')}</ActionButton>
        </div>
      )}

      {mode === 'report' && (
        <form
          className="mt-2 flex flex-wrap items-center gap-2 text-xs"
          onSubmit={(e) => {
            e.preventDefault();
            run(actions.report.mutateAsync({ id: c.id, reason: reason.trim() || undefined }));
          }}
        >
          <input
            className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-transparent px-2 py-1 text-sm dark:border-zinc-700"
            aria-label={t('comments.reportReason')}
            placeholder={t('comments.reportReason')}
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" className="rounded-md bg-red-700 px-2 py-1 font-medium text-white">
            {t('comments.reportSend')}
          </button>
          <ActionButton onClick={() => setMode('view')}>{t('common.cancel')}</ActionButton>
        </form>
      )}

      {error && (
        <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </article>
  );
}

function ActionButton({
  children,
  onClick,
  danger,
}: {
  children: ReactNode;
  onClick: () => void;
  danger?: boolean;
}) {
  return (
    <button
      type="button"
      className={`py-1 font-medium ${danger ? 'text-red-700 dark:text-red-400' : 'text-zinc-600 dark:text-zinc-400'}`}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

function Avatar({ name, url }: { name: string; url?: string | null }) {
  if (url) {
    return <img src={url} alt="" className="h-6 w-6 rounded-full object-cover" loading="lazy" />;
  }
  return (
    <span
      aria-hidden="true"
      className="flex h-6 w-6 items-center justify-center rounded-full bg-zinc-200 text-xs font-semibold dark:bg-zinc-700"
    >
      {[...name.trim()][0]?.toUpperCase() ?? '?'}
    </span>
  );
}
