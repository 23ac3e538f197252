import { IonButton } from '@ionic/react';
import type { ReactNode } from 'react';
import { useT } from '@/lib/i18n';

export function EmptyState({
  title,
  hint,
  action,
}: {
  title: string;
  hint?: string;
  action?: ReactNode;
}) {
  return (
    <div className="flex flex-col items-center gap-2 px-6 py-12 text-center" role="status">
      <p className="text-base font-semibold">{title}</p>
      {hint && <p className="text-sm text-zinc-500 dark:text-zinc-400">{hint}</p>}
      {action}
    </div>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const t = useT();
  return (
    <div className="flex flex-col items-center gap-3 px-6 py-12 text-center" role="alert">
      <p className="text-base font-semibold text-red-700 dark:text-red-400">{message}</p>
      {onRetry && (
        <IonButton fill="outline" size="small" onClick={onRetry}>
          {t('common.retry')}
        </IonButton>
      )}
    </div>
  );
}

export function Skeleton({ className = '' }: { className?: string }) {
  return <div className={`animate-pulse rounded-md bg-zinc-200 dark:bg-zinc-800 ${className}`} />;
}

export function CardSkeleton() {
  return (
    <div className="card space-y-3 p-4" aria-hidden="true">
      <Skeleton className="h-3 w-20" />
      <Skeleton className="h-5 w-4/5" />
      <Skeleton className="h-3 w-full" />
      <Skeleton className="h-3 w-2/3" />
    </div>
  );
}

export function ListSkeleton({ count = 4 }: { count?: number }) {
  const t = useT();
  return (
    <div className="space-y-3" role="status" aria-label={t('common.loading')}>
      {Array.from({ length: count }, (_, i) => (
        <CardSkeleton key={i} />
      ))}
    </div>
  );
}
