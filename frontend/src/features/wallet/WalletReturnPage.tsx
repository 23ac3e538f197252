import { PageBody } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { useT } from '@/lib/i18n';

export function WalletReturnPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('wallet.returnTitle')} />
      <PageBody>
        <p>{t('common.loading')}</p>
      </PageBody>
    </>
  );
}
