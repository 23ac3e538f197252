import type { ReactNode } from 'react';
import { useT } from '@/lib/i18n';
import { ErrorState, ListSkeleton } from './States';

/** What QueryView reads of a React Query result (a query's or an infinite query's). */
export interface QueryLike<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

interface Props<T> {
  query: QueryLike<T>;
  /** Shown until the first answer (default: three skeleton cards). */
  loading?: ReactNode;
  /** The error's text next to Retry (default: "Something went wrong"). */
  errorText?: string | ((error: unknown) => string);
  /**
   * Shown instead of the error state for the errors it answers (e.g. a 404 → "not found"); return
   * null to keep the error state with Retry.
   */
  renderError?: (error: unknown) => ReactNode | null;
  /** Shown instead of `children` when `isEmpty(data)`. */
  empty?: ReactNode;
  /** When the data counts as empty (default: an empty list, or a page or pages with no items). */
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}

/**
 * One way to show a query: loading, error with Retry, empty, or its data. A failed refetch shows
 * the error even when older data is cached, as the pages always did.
 */
export function QueryView<T>({
  query,
  loading,
  errorText,
  renderError,
  empty,
  isEmpty = hasNoItems,
  children,
}: Props<T>) {
  const t = useT();
  if (query.isPending) return <>{loading ?? <ListSkeleton count={3} />}</>;
  if (query.isError) {
    const own = renderError?.(query.error);
    if (own != null) return <>{own}</>;
    const message =
      typeof errorText === 'function' ? errorText(query.error) : (errorText ?? t('common.error'));
    return <ErrorState message={message} onRetry={() => void query.refetch()} />;
  }
  if (query.data === undefined) return null;
  if (empty !== undefined && isEmpty(query.data)) return <>{empty}</>;
  return <>{children(query.data)}</>;
}

/** An empty list, a page (`{data: []}`) with no items, or infinite pages with none. */
export function hasNoItems(data: unknown): boolean {
  if (Array.isArray(data)) return data.length === 0;
  if (data && typeof data === 'object') {
    if ('pages' in data && Array.isArray(data.pages)) return data.pages.every(hasNoItems);
    if ('data' in data && Array.isArray(data.data)) return data.data.length === 0;
  }
  return false;
}
