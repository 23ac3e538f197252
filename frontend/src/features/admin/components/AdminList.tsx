import type { ReactNode } from 'react';
import { QueryView, type QueryLike } from '@/components/QueryView';
import { ListSkeleton } from '@/components/States';
import { errorMessage } from '@/lib/error-message';
import { useT } from '@/lib/i18n';

/** A console section's list: skeleton, the server's error with Retry, its "none" text, or the rows. */
export function AdminList<T>({
  query,
  emptyText,
  children,
}: {
  query: QueryLike<{ data: T[] }>;
  emptyText: string;
  children: (item: T) => ReactNode;
}) {
  const t = useT();
  return (
    <QueryView
      query={query}
      loading={<ListSkeleton count={2} />}
      errorText={(e) => errorMessage(e, t)}
      empty={<p className="text-sm text-zinc-500">{emptyText}</p>}
    >
      {(res) => (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">{res.data.map(children)}</ul>
      )}
    </QueryView>
  );
}

/** The search box above a console list. */
export function AdminSearch({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <input
      type="search"
      className="pm-input mb-2"
      aria-label={label}
      placeholder={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
