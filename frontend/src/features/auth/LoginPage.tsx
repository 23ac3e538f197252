import { PageBody } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { useT } from '@/lib/i18n';

export function LoginPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('auth.login')} />
      <PageBody>
        <p>{t('common.loading')}</p>
      </PageBody>
    </>
  );
}
