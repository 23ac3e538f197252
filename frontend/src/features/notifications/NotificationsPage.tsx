import { IonButton } from '@ionic/react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { PageBody } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { QueryView } from '@/components/QueryView';
import { EmptyState, ListSkeleton } from '@/components/States';
import { formatRelative } from '@/lib/format';
import { isMessageKey, useI18n } from '@/lib/i18n';
import { useSession } from '@/lib/session';
import { isUnread, notificationLink, useNotifications } from './api/get-notifications';
import { useMarkRead } from './api/mark-read';
import { PreferencesForm } from './components/PreferencesForm';

export function NotificationsPage() {
  const { t, lang } = useI18n();
  const { isLoggedIn, isLoading } = useSession();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const query = useNotifications(unreadOnly, isLoggedIn);
  const mark = useMarkRead();
  const items = query.data?.data ?? [];

  return (
    <>
      <PageHeader title={t('notif.title')} backHref="/profile" />
      <PageBody>
        {!isLoading && !isLoggedIn ? (
          <EmptyState
            title={t('notif.loginRequired')}
            action={<IonButton routerLink="/login">{t('auth.login')}</IonButton>}
          />
        ) : (
          <>
            <div className="mb-3 flex items-center justify-between gap-2">
              {/* A native switch, like the preferences below (IonToggle would put Ionic's toggle
                  component into the shared first-screen chunk for this one control). */}
              <label className="flex cursor-pointer items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  role="switch"
                  className="h-5 w-5 accent-blue-600"
                  checked={unreadOnly}
                  onChange={(e) => setUnreadOnly(e.target.checked)}
                />
                {t('notif.unreadOnly')}
              </label>
              <IonButton
                size="small"
                fill="outline"
                disabled={mark.isPending || items.length === 0}
                onClick={() => mark.mutate('all')}
              >
                {t('notif.markAll')}
              </IonButton>
            </div>
            <QueryView
              query={query}
              loading={<ListSkeleton count={3} />}
              empty={<EmptyState title={t('notif.empty')} />}
            >
              {() => (
                <ul className="space-y-2" aria-label={t('notif.title')}>
                  {items.map((n) => {
                    const unread = isUnread(n);
                    const link = notificationLink(n);
                    const typeKey = `notif.type.${n.type}`;
                    // The server titles it in the reader's language (a cancelled market's says so);
                    // a type it has no title for falls back to the type.
                    const title =
                      n.title ?? (isMessageKey(typeKey) ? t(typeKey) : n.type.replace(/_/g, ' '));
                    return (
                      <li
                        key={n.id}
                        data-testid="notification"
                        data-type={n.type}
                        className={`card relative flex items-start gap-3 p-3 ${link ? 'cursor-pointer hover:bg-zinc-50 dark:hover:bg-zinc-900' : ''} ${unread ? 'border-l-4 border-l-blue-500' : ''}`}
                      >
                        <div className="min-w-0 flex-1">
                          <p className={`text-sm ${unread ? 'font-semibold' : ''}`}>
                            {link ? (
                              // The whole card is the link's target area (after:inset-0); only the
                              // "Mark read" button above it stays a separate control.
                              <Link
                                to={link}
                                data-testid="notification-link"
                                className="text-inherit no-underline after:absolute after:inset-0 after:content-['']"
                                onClick={() => unread && mark.mutate(n.id)}
                              >
                                {title}
                              </Link>
                            ) : (
                              title
                            )}
                          </p>
                          {n.message && (
                            <p className="text-sm text-zinc-600 dark:text-zinc-400">{n.message}</p>
                          )}
                          <p className="mt-1 text-xs text-zinc-500">
                            {formatRelative(n.created_at, new Date(), lang)}
                            {link && (
                              <span aria-hidden="true" className="pm-link">
                                {' · '}
                                {t('notif.open.link')} ›
                              </span>
                            )}
                          </p>
                        </div>
                        {unread && (
                          <IonButton
                            size="small"
                            fill="clear"
                            className="relative z-10"
                            onClick={() => mark.mutate(n.id)}
                          >
                            {t('notif.markRead')}
                          </IonButton>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </QueryView>
            <div className="mt-4">
              <PreferencesForm />
            </div>
          </>
        )}
      </PageBody>
    </>
  );
}
