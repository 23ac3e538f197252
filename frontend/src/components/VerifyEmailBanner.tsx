import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';
import { useT } from '@/lib/i18n';
import { useSession } from '@/lib/session';

const HIDDEN_KEY = 'pm.verifyBannerHidden';

function hiddenThisSession(): boolean {
  try {
    return sessionStorage.getItem(HIDDEN_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * "Confirm your email": under the page header while the signed-in user's address is unconfirmed
 * (notification emails go only to confirmed addresses), with "Send again" (one a minute; the
 * server's answer is shown). Hidden for the rest of the browser session on request.
 */
export function VerifyEmailBanner() {
  const t = useT();
  const { user } = useSession();
  const [hidden, setHidden] = useState(hiddenThisSession);
  const resend = useMutation({
    mutationFn: () => api.post<Schemas['MailRequested']>('/users/me/email-verification'),
  });
  if (!user || user.email_verified || hidden) return null;
  return (
    <div
      role="status"
      data-testid="verify-email-banner"
      className="flex flex-wrap items-center justify-center gap-x-3 gap-y-1 border-b border-blue-200 bg-blue-50 px-4 py-2 text-center text-sm text-blue-900 dark:border-blue-900 dark:bg-blue-950 dark:text-blue-100"
    >
      <span>
        {resend.isSuccess
          ? t('email.bannerSent')
          : resend.isError
            ? resend.error.message
            : t('email.bannerText', { email: user.email })}
      </span>
      {!resend.isSuccess && (
        <button
          type="button"
          className="font-semibold underline"
          disabled={resend.isPending}
          onClick={() => resend.mutate()}
        >
          {resend.isPending ? t('email.bannerSending') : t('email.bannerResend')}
        </button>
      )}
      <button
        type="button"
        className="text-blue-700 underline dark:text-blue-300"
        onClick={() => {
          try {
            sessionStorage.setItem(HIDDEN_KEY, '1');
          } catch {
            // Storage may be off: hiding for this page is enough then.
          }
          setHidden(true);
        }}
      >
        {t('email.bannerDismiss')}
      </button>
    </div>
  );
}
