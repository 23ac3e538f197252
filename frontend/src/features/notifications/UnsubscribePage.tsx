import { IonButton } from '@ionic/react';
import { useMutation } from '@tanstack/react-query';
import { useLocation } from 'react-router-dom';
import { PageBody, Section } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { api } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';
import { useT } from '@/lib/i18n';

/**
 * The "Stop these emails" link of a notification email: one tap stops them (the token is the
 * credential, no login). Opening the page changes nothing by itself: mail scanners open links.
 */
export function UnsubscribePage() {
  const t = useT();
  const token = new URLSearchParams(useLocation().search).get('token');
  const stop = useMutation({
    mutationFn: () =>
      api.post<Schemas['Unsubscribed']>(
        `/email/unsubscribe?token=${encodeURIComponent(token ?? '')}`,
      ),
  });
  return (
    <>
      <PageHeader title={t('unsubscribe.title')} />
      <PageBody>
        <Section>
          {!token ? (
            <p role="alert">{t('email.linkMissing')}</p>
          ) : stop.isSuccess ? (
            <p role="status" data-testid="unsubscribed">
              {t('unsubscribe.done')}
            </p>
          ) : (
            <>
              <p className="mb-4">{t('unsubscribe.question')}</p>
              {stop.isError && (
                <p className="pm-field-error mb-2" role="alert">
                  {stop.error.message}
                </p>
              )}
              <IonButton disabled={stop.isPending} onClick={() => stop.mutate()}>
                {t('unsubscribe.confirm')}
              </IonButton>
            </>
          )}
        </Section>
      </PageBody>
    </>
  );
}
