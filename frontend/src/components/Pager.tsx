import { IonButton } from '@ionic/react';
import type { Pagination } from '@/lib/api-client';
import { useT } from '@/lib/i18n';

/** Previous/next paging for server-paged lists; hidden when there is one page. */
export function Pager({
  pagination,
  onPage,
}: {
  pagination?: Pagination;
  onPage: (p: number) => void;
}) {
  const t = useT();
  if (!pagination || pagination.pages <= 1) return null;
  const { page, pages } = pagination;
  return (
    <nav
      className="mt-4 flex items-center justify-between"
      aria-label={t('common.page', { page, pages })}
    >
      <IonButton size="small" fill="outline" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('common.previous')}
      </IonButton>
      <span className="text-sm text-zinc-500">{t('common.page', { page, pages })}</span>
      <IonButton
        size="small"
        fill="outline"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t('common.next')}
      </IonButton>
    </nav>
  );
}
