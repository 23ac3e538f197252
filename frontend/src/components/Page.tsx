import { IonContent } from '@ionic/react';
import type { ReactNode } from 'react';

/**
 * Scrollable page body with a readable max width (360 px first, grows on desktop). A div, not a
 * <main>: IonContent already is the page's main landmark (role="main").
 */
export function PageBody({ children, wide }: { children: ReactNode; wide?: boolean }) {
  return (
    <IonContent>
      <div className={`mx-auto w-full ${wide ? 'max-w-5xl' : 'max-w-3xl'} px-3 py-4 sm:px-6`}>
        {children}
      </div>
    </IonContent>
  );
}

export function Section({
  title,
  children,
  actions,
}: {
  title?: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section className="card mb-4 p-4">
      {(title || actions) && (
        // Actions that do not fit beside the title move under it rather than squeezing it.
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          {title && <h2 className="text-base font-semibold whitespace-nowrap">{title}</h2>}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}
