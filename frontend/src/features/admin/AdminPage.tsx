import { PageBody } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { useT } from '@/lib/i18n';

export function AdminPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('admin.title')} />
      <PageBody>
        <p>{t('common.loading')}</p>
      </PageBody>
    </>
  );
}
