import { IonButton } from '@ionic/react';
import { useState } from 'react';
import { PageBody, Section } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { QueryView } from '@/components/QueryView';
import { EmptyState, ListSkeleton } from '@/components/States';
import { isApiError } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { useClearDevMail, useDevMail, type CapturedMail } from './api/dev-mail';

/**
 * Development only: the mail the app sent, as the development mail server received it (no SMTP
 * server configured). Works offline; the links in it open this app.
 */
export function DevMailPage() {
  const { t } = useI18n();
  const mail = useDevMail();
  const clear = useClearDevMail();
  return (
    <>
      <PageHeader title={t('devmail.title')} />
      <PageBody>
        <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">{t('devmail.intro')}</p>
        <QueryView
          query={mail}
          loading={<ListSkeleton count={3} />}
          errorText={(e) => (e as Error).message}
          renderError={(e) =>
            isApiError(e) && e.status === 404 ? <EmptyState title={t('devmail.off')} /> : null
          }
        >
          {(list) => (
            <>
              <div className="mb-3 flex gap-2">
                <IonButton size="small" fill="outline" onClick={() => void mail.refetch()}>
                  {t('devmail.refresh')}
                </IonButton>
                <IonButton
                  size="small"
                  fill="clear"
                  color="danger"
                  disabled={clear.isPending || !list.length}
                  onClick={() => clear.mutate()}
                >
                  {t('devmail.clear')}
                </IonButton>
              </div>
              {list.length ? (
                list.map((m) => <MailItem key={m.id} mail={m} />)
              ) : (
                <EmptyState title={t('devmail.empty')} />
              )}
            </>
          )}
        </QueryView>
      </PageBody>
    </>
  );
}

function MailItem({ mail }: { mail: CapturedMail }) {
  const { t } = useI18n();
  const [view, setView] = useState<'text' | 'html' | null>(null);
  return (
    <Section>
      <article data-testid="dev-mail">
        <button
          type="button"
          className="w-full text-left"
          aria-expanded={view !== null}
          onClick={() => setView(view ? null : 'html')}
        >
          <h2 className="font-semibold">{mail.subject}</h2>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {t('devmail.to', { to: mail.to.join(', ') })} · {formatDateTime(mail.received_at)}
          </p>
        </button>
        {view && (
          <div className="mt-3">
            <div className="mb-2 flex gap-2">
              <IonButton
                size="small"
                fill={view === 'html' ? 'solid' : 'outline'}
                onClick={() => setView('html')}
              >
                {t('devmail.html')}
              </IonButton>
              <IonButton
                size="small"
                fill={view === 'text' ? 'solid' : 'outline'}
                onClick={() => setView('text')}
              >
                {t('devmail.text')}
              </IonButton>
            </div>
            {view === 'html' ? (
              // Sandboxed: the mail's HTML runs no script; its links open in a new tab.
              <iframe
                title={mail.subject}
                sandbox="allow-popups allow-popups-to-escape-sandbox"
                srcDoc={mail.html.replace('<head>', '<head><base target="_blank">')}
                className="h-96 w-full rounded border border-zinc-200 bg-white dark:border-zinc-700"
              />
            ) : (
              <pre className="text-sm break-words whitespace-pre-wrap">{mail.text}</pre>
            )}
          </div>
        )}
      </article>
    </Section>
  );
}
