import { IonButton } from '@ionic/react';
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { Section } from '@/components/Page';
import { QueryView } from '@/components/QueryView';
import { ListSkeleton } from '@/components/States';
import type { MarketDetail } from '@/lib/api-types';
import { useI18n } from '@/lib/i18n';
import { useSession } from '@/lib/session';
import { COMMENT_SORTS, useCommentActions, useComments, type CommentSort } from '../api/comments';
import { CommentComposer } from './CommentComposer';
import { CommentThread } from './CommentItem';

/** Comments of a resolved or cancelled market stay writable this long after it ended (server rule). */
const OPEN_AFTER_END_MS = 7 * 24 * 60 * 60 * 1000;

/** True once a resolved or cancelled market's comments have become read-only. */
export function commentsClosed(market: MarketDetail, now: Date = new Date()): boolean {
  if (market.status !== 'resolved' && market.status !== 'cancelled') return false;
  const ended = market.resolution?.created_at ?? market.settled_at;
  return !!ended && now.getTime() - new Date(ended).getTime() > OPEN_AFTER_END_MS;
}

/**
 * A market's discussion: the composer, threads newest or most liked first, "load more". New comments
 * from others arrive through the market's live stream (which refreshes this list).
 */
export function CommentsSection({ market }: { market: MarketDetail }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [sort, setSort] = useState<CommentSort>('new');
  const q = useComments(market.id, sort);
  const actions = useCommentActions(market.id);
  const closed = commentsClosed(market);
  const threads = q.data?.pages.flatMap((p) => p.data) ?? [];
  const total = q.data?.pages[0]?.pagination?.total;
  // A link to one comment (/markets/slug#comment-id, e.g. from the moderators' queue) scrolls to it.
  const { hash } = useLocation();
  useEffect(() => {
    if (hash.startsWith('#comment-') && threads.length > 0) {
      document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'center' });
    }
  }, [hash, threads.length]);

  return (
    <Section
      title={total ? t('comments.titleCount', { count: total }) : t('comments.title')}
      actions={
        <div className="flex gap-1" role="group" aria-label={t('comments.sort')}>
          {COMMENT_SORTS.map((s) => (
            <button
              key={s}
              type="button"
              className={`chip px-2! py-0.5! text-xs! ${sort === s ? 'chip-active' : ''}`}
              aria-pressed={sort === s}
              onClick={() => setSort(s)}
            >
              {t(`comments.sort.${s}`)}
            </button>
          ))}
        </div>
      }
    >
      <div data-testid="comments">
        {closed ? (
          <p className="mb-3 text-sm text-zinc-500" data-testid="comments-closed">
            {t('comments.closed')}
          </p>
        ) : user ? (
          <CommentComposer
            label={t('comments.write')}
            submitLabel={t('comments.post')}
            pending={actions.post.isPending}
            onSubmit={(body) => actions.post.mutateAsync({ body })}
          />
        ) : (
          <p className="mb-3 text-sm">
            <Link className="pm-link" to="/login">
              {t('comments.login')}
            </Link>
          </p>
        )}

        <QueryView
          query={q}
          loading={<ListSkeleton count={2} />}
          errorText={t('comments.error')}
          empty={
            <p className="text-sm text-zinc-500" data-testid="comments-empty">
              {t('comments.empty')}
            </p>
          }
        >
          {() => (
            <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {threads.map((c) => (
                <CommentThread
                  key={c.id}
                  comment={c}
                  viewer={user}
                  closed={closed}
                  actions={actions}
                />
              ))}
            </ul>
          )}
        </QueryView>
        {q.hasNextPage && (
          <div className="mt-3 text-center">
            <IonButton
              size="small"
              fill="outline"
              disabled={q.isFetchingNextPage}
              onClick={() => void q.fetchNextPage()}
            >
              {t('common.loadMore')}
            </IonButton>
          </div>
        )}
      </div>
    </Section>
  );
}
