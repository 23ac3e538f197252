import { PageBody } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { useT } from '@/lib/i18n';

export function LeaderboardPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('lb.title')} />
      <PageBody>
        <p>{t('common.loading')}</p>
      </PageBody>
    </>
  );
}
