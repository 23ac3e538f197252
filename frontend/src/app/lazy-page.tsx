import { IonButton, IonPage, IonSpinner } from '@ionic/react';
import { Component, lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
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

/** A code-split route component; `preload()` fetches its code ahead of the first render. */
export type LazyPage = ComponentType & { preload: () => Promise<void> };

/**
 * A route component whose content is code-split. The IonPage is rendered eagerly so Ionic's
 * router outlet always finds its page element; the content suspends inside it — unless its code
 * has already loaded (`preload()`), then it renders at once, without a fallback in between.
 */
export function lazyPage(loader: () => Promise<ComponentType>): LazyPage {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const load = () =>
    (loading ??= loader().then(
      (c) => (loaded = c),
      (e: unknown) => {
        loading = undefined; // a later attempt may succeed (e.g. back online)
        throw e;
      },
    ));
  const Content = lazy(() => load().then((c) => ({ default: c })));
  function LazyPage() {
    // Decided once per mount, so the tree under the page never switches shape.
    const [Loaded] = useState(() => loaded);
    return (
      <IonPage>
        <ChunkBoundary>
          {Loaded ? (
            <Loaded />
          ) : (
            <Suspense fallback={<PageFallback />}>
              <Content />
            </Suspense>
          )}
        </ChunkBoundary>
      </IonPage>
    );
  }
  return Object.assign(LazyPage, { preload: () => load().then(() => undefined) });
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
