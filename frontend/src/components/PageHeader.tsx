import { IonBackButton, IonButtons, IonHeader, IonTitle, IonToolbar } from '@ionic/react';
import type { ReactNode } from 'react';
import { useT } from '@/lib/i18n';
import { useHeaderExtras } from '@/lib/layout';

interface Props {
  title: string;
  backHref?: string;
  children?: ReactNode;
}

/** Toolbar with the page title, an optional back button and the app-wide extras (balance, bell). */
export function PageHeader({ title, backHref, children }: Props) {
  const Extras = useHeaderExtras();
  const t = useT();
  return (
    <IonHeader translucent={false}>
      <IonToolbar>
        {backHref && (
          <IonButtons slot="start">
            <IonBackButton defaultHref={backHref} text={t('common.back')} />
          </IonButtons>
        )}
        <IonTitle>{title}</IonTitle>
        <IonButtons slot="end">{Extras && <Extras />}</IonButtons>
      </IonToolbar>
      {children}
    </IonHeader>
  );
}
