import { IonButton } from '@ionic/react';
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';
import { PageBody } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { useT } from '@/lib/i18n';
import { useConfirmEmailChange, useVerifyEmail } from './api/account-emails';
import { AuthCard } from './AuthLayout';
import { linkToken } from './link-token';

/** The page of a verification link (`/verify-email?token=`): confirms at once, says how it went. */
export function VerifyEmailPage() {
  const t = useT();
  const verify = useVerifyEmail();
  return (
    <LinkPage
      title={t('email.verifyTitle')}
      pending={t('email.verifying')}
      mutation={verify}
      done={(data) => t('email.verified', { email: data.email })}
    />
  );
}

/** The page of an email change link (`/confirm-email?token=`), opened from the new address. */
export function ConfirmEmailChangePage() {
  const t = useT();
  const confirm = useConfirmEmailChange();
  return (
    <LinkPage
      title={t('email.confirmChangeTitle')}
      pending={t('email.confirmingChange')}
      mutation={confirm}
      done={(data) => t('email.changed', { email: data.email })}
    />
  );
}

interface LinkMutation<T> {
  mutate: (input: { token: string }) => void;
  isSuccess: boolean;
  isError: boolean;
  data: T | undefined;
  error: Error | null;
}

function LinkPage<T>({
  title,
  pending,
  mutation,
  done,
}: {
  title: string;
  pending: string;
  mutation: LinkMutation<T>;
  done: (data: T) => string;
}) {
  const t = useT();
  const location = useLocation();
  const token = linkToken(location.search);
  const sent = useRef(false);
  const { mutate } = mutation;
  useEffect(() => {
    // Once: a link is a one-time action, not something to repeat on every render.
    if (!token || sent.current) return;
    sent.current = true;
    mutate({ token });
  }, [token, mutate]);

  return (
    <>
      <PageHeader title={title} />
      <PageBody>
        <AuthCard title={title}>
          {!token ? (
            <p role="alert">{t('email.linkMissing')}</p>
          ) : mutation.isSuccess && mutation.data ? (
            <div role="status" data-testid="link-done">
              <p className="mb-4">{done(mutation.data)}</p>
              <IonButton routerLink="/markets" expand="block">
                {t('email.continue')}
              </IonButton>
            </div>
          ) : mutation.isError ? (
            <p role="alert" data-testid="dead-link">
              {mutation.error?.message}
            </p>
          ) : (
            <p role="status">{pending}</p>
          )}
        </AuthCard>
      </PageBody>
    </>
  );
}
