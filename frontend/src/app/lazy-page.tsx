import { IonPage, IonSpinner } from '@ionic/react';
import { lazy, Suspense, type ComponentType } from 'react';
import { useT } from '@/lib/i18n';

function PageFallback() {
  const t = useT();
  return (
    <div
      className="flex h-full items-center justify-center"
      role="status"
      aria-label={t('common.loading')}
    >
      <IonSpinner />
    </div>
  );
}

/**
 * A route component whose content is code-split. The IonPage is rendered eagerly so Ionic's
 * router outlet always finds its page element; the content suspends inside it.
 */
export function lazyPage(loader: () => Promise<ComponentType>): ComponentType {
  const Content = lazy(() => loader().then((c) => ({ default: c })));
  return function LazyPage() {
    return (
      <IonPage>
        <Suspense fallback={<PageFallback />}>
          <Content />
        </Suspense>
      </IonPage>
    );
  };
}

export function eagerPage(Content: ComponentType): ComponentType {
  return function EagerPage() {
    return (
      <IonPage>
        <Content />
      </IonPage>
    );
  };
}
