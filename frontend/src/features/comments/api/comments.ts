import {
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type InfiniteData,
} from '@tanstack/react-query';
import { api, apiRequest, type ApiResult } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

export type Comment = Schemas['CommentView'];
export type CommentLike = Schemas['CommentLike'];
export type CommentReport = Schemas['CommentReport'];
export type CommentSort = 'new' | 'top';
export const COMMENT_SORTS: CommentSort[] = ['new', 'top'];

/** The most characters a comment may have (the server counts Unicode code points, as this does). */
export const MAX_COMMENT_LENGTH = 2000;

export function commentLength(text: string): number {
  return [...text.trim()].length;
}

/** GET /markets/{id}/comments — one page of threads (top-level comments with their replies). */
export function getComments(
  marketId: string,
  sort: CommentSort,
  page: number,
  signal?: AbortSignal,
): Promise<ApiResult<Comment[]>> {
  return apiRequest<Comment[]>(`/markets/${encodeURIComponent(marketId)}/comments`, {
    query: { sort, page, limit: 20 },
    signal,
  });
}

/** Pages of a market's threads; "load more" fetches the next page. */
export function useComments(marketId: string | undefined, sort: CommentSort) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.marketComments(marketId ?? ''), sort],
    queryFn: ({ pageParam, signal }) => getComments(marketId!, sort, pageParam, signal),
    initialPageParam: 1,
    enabled: !!marketId,
    getNextPageParam: (last) => {
      const p = last.pagination;
      return p && p.page < p.pages ? p.page + 1 : undefined;
    },
  });
}

/** POST /markets/{id}/comments */
export const postComment = (marketId: string, body: string, parentId?: string) =>
  api.post<Comment>(`/markets/${encodeURIComponent(marketId)}/comments`, {
    body,
    ...(parentId ? { parent_id: parentId } : {}),
  });

/** PATCH /comments/{id} */
export const editComment = (id: string, body: string) =>
  api.patch<Comment>(`/comments/${encodeURIComponent(id)}`, { body });

/** DELETE /comments/{id} */
export const deleteComment = (id: string) =>
  api.delete<Schemas['CommentDeletion']>(`/comments/${encodeURIComponent(id)}`);

/** POST or DELETE /comments/{id}/like */
export const setLiked = (id: string, like: boolean) => {
  const path = `/comments/${encodeURIComponent(id)}/like`;
  return like ? api.post<CommentLike>(path) : api.delete<CommentLike>(path);
};

/** POST /comments/{id}/report */
export const reportComment = (id: string, reason?: string) =>
  api.post<CommentReport>(`/comments/${encodeURIComponent(id)}/report`, reason ? { reason } : {});

/** POST /admin/comments/{id}/hide or /restore (moderators) */
export const moderateComment = (id: string, hide: boolean) =>
  hide
    ? api.post<Comment>(`/admin/comments/${encodeURIComponent(id)}/hide`, {})
    : api.post<Comment>(`/admin/comments/${encodeURIComponent(id)}/restore`, {});

type Pages = InfiniteData<ApiResult<Comment[]>, number>;

/** Applies `change` to the comment with this id wherever it is cached (any order, any page). */
function patchCached(
  qc: ReturnType<typeof useQueryClient>,
  marketId: string,
  id: string,
  change: (c: Comment) => Comment,
) {
  const update = (c: Comment): Comment =>
    c.id === id
      ? change(c)
      : { ...c, replies: c.replies.map((r) => (r.id === id ? change(r) : r)) };
  qc.setQueriesData<Pages>({ queryKey: queryKeys.marketComments(marketId) }, (old) =>
    old ? { ...old, pages: old.pages.map((p) => ({ ...p, data: p.data.map(update) })) } : old,
  );
}

/**
 * The writes on a market's comments. Likes change the cached comment at once (and take the server's
 * count when it answers); every other write reads the list again, so order and replies are right.
 */
export function useCommentActions(marketId: string) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: queryKeys.marketComments(marketId) });
  return {
    post: useMutation({
      mutationFn: (v: { body: string; parentId?: string }) =>
        postComment(marketId, v.body, v.parentId),
      onSuccess: refresh,
    }),
    edit: useMutation({
      mutationFn: (v: { id: string; body: string }) => editComment(v.id, v.body),
      onSuccess: (c) => patchCached(qc, marketId, c.id, (old) => ({ ...c, replies: old.replies })),
    }),
    remove: useMutation({ mutationFn: deleteComment, onSuccess: refresh }),
    like: useMutation({
      mutationFn: (v: { id: string; like: boolean }) => setLiked(v.id, v.like),
      onMutate: (v) =>
        patchCached(qc, marketId, v.id, (c) => ({
          ...c,
          liked_by_me: v.like,
          likes: Math.max(0, c.likes + (v.like === c.liked_by_me ? 0 : v.like ? 1 : -1)),
        })),
      onSuccess: (r) =>
        patchCached(qc, marketId, r.comment_id, (c) => ({
          ...c,
          likes: r.likes,
          liked_by_me: r.liked_by_me,
        })),
      onError: refresh,
    }),
    report: useMutation({
      mutationFn: (v: { id: string; reason?: string }) => reportComment(v.id, v.reason),
      onSuccess: (r) =>
        patchCached(qc, marketId, r.comment_id, (c) => ({ ...c, reported_by_me: true })),
    }),
    moderate: useMutation({
      mutationFn: (v: { id: string; hide: boolean }) => moderateComment(v.id, v.hide),
      onSuccess: (c) => patchCached(qc, marketId, c.id, (old) => ({ ...c, replies: old.replies })),
    }),
  };
}
