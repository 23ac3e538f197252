import { IonButton } from '@ionic/react';
import { PageBody } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState } from '@/components/States';
import { useT } from '@/lib/i18n';

export function NotFoundPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('app.name')} />
      <PageBody>
        <EmptyState
          title={t('common.notFound')}
          action={<IonButton routerLink="/markets">{t('common.goHome')}</IonButton>}
        />
      </PageBody>
    </>
  );
}
