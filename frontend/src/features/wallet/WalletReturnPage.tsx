import { IonButton, IonSpinner } from '@ionic/react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';
import { PageBody, Section } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { ErrorState } from '@/components/States';
import { formatChips } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { queryKeys } from '@/lib/query-keys';
import { usePurchaseStatus } from './api/purchases';

/** Where the checkout sends the user back: waits for the provider's verdict on the purchase. */
export function WalletReturnPage() {
  const t = useT();
  const qc = useQueryClient();
  const { search } = useLocation();
  const id = new URLSearchParams(search).get('purchase');
  const q = usePurchaseStatus(id);
  const status = q.data?.status;

  useEffect(() => {
    if (status === 'completed') void qc.invalidateQueries({ queryKey: queryKeys.me });
  }, [status, qc]);

  return (
    <>
      <PageHeader title={t('wallet.returnTitle')} backHref="/wallet" />
      <PageBody>
        <Section>
          <div className="flex flex-col items-center gap-3 py-6 text-center" aria-live="polite">
            {!id || (q.isError && !q.data) ? (
              <ErrorState
                message={t('wallet.unknown')}
                onRetry={id ? () => void q.refetch() : undefined}
              />
            ) : !q.data || status === 'pending' ? (
              <>
                <IonSpinner />
                <p role="status">{t('wallet.processing')}</p>
              </>
            ) : status === 'completed' ? (
              <p
                role="status"
                data-kind="completed"
                className="text-lg font-semibold text-green-700 dark:text-green-400"
              >
                ✓ {t('wallet.completed', { chips: formatChips(q.data.chips) })}
              </p>
            ) : (
              <p
                role="status"
                data-kind="failed"
                className="text-lg font-semibold text-red-700 dark:text-red-400"
              >
                {t('wallet.failed')}
              </p>
            )}
            <div className="flex gap-2">
              <IonButton routerLink="/markets">{t('common.goHome')}</IonButton>
              <IonButton routerLink="/wallet" fill="outline">
                {t('wallet.history')}
              </IonButton>
            </div>
          </div>
        </Section>
      </PageBody>
    </>
  );
}
