import { PageBody } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { useT } from '@/lib/i18n';

export function WalletPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('wallet.title')} />
      <PageBody>
        <p>{t('common.loading')}</p>
      </PageBody>
    </>
  );
}
