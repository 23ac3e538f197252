import { IonButton, IonPage, IonSpinner } from '@ionic/react';
import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { ErrorState } from '@/components/States';
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

function LoadFailed() {
  const t = useT();
  return (
    <div className="flex h-full flex-col items-center justify-center">
      <ErrorState message={t('common.error')} />
      <IonButton onClick={() => window.location.reload()}>{t('common.retry')}</IonButton>
    </div>
  );
}

/** Catches a page chunk that fails to load (offline, or gone after a deploy). */
class ChunkBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
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
        <ChunkBoundary>
          <Suspense fallback={<PageFallback />}>
            <Content />
          </Suspense>
        </ChunkBoundary>
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
