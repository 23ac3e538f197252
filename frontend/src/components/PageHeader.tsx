import {
  IonBackButton,
  IonButton,
  IonButtons,
  IonHeader,
  IonTitle,
  IonToolbar,
} from '@ionic/react';
import type { ReactNode } from 'react';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/document-title';
import { DesktopNav } from './DesktopNav';
import { OfflineBanner } from './OfflineBanner';
import { VerifyEmailBanner } from './VerifyEmailBanner';
import { useHeaderExtras } from '@/lib/layout';

interface Props {
  title: string;
  backHref?: string;
  /** Shows the EN/FIL switch (the markets list, where visitors land). */
  langToggle?: boolean;
  children?: ReactNode;
}

/** One tap between English and Filipino; labelled with the language it switches to. */
function LangToggle() {
  const { t, lang, setLang } = useI18n();
  const next = lang === 'en' ? 'fil' : 'en';
  const short = next === 'fil' ? 'FIL' : 'EN';
  return (
    <IonButton
      fill="clear"
      size="small"
      data-testid="lang-toggle"
      lang={next}
      aria-label={`${short} – ${t('lang.toggle')}: ${t(`lang.${next}`)}`}
      onClick={() => setLang(next)}
    >
      {short}
    </IonButton>
  );
}

/** Toolbar with the page title, an optional back button and the app-wide extras (balance, bell). */
export function PageHeader({ title, backHref, langToggle, children }: Props) {
  const Extras = useHeaderExtras();
  const { t } = useI18n();
  useDocumentTitle(title);
  return (
    <IonHeader translucent={false}>
      <IonToolbar>
        {backHref && (
          <IonButtons slot="start">
            <IonBackButton defaultHref={backHref} text="" aria-label={t('common.back')} />
          </IonButtons>
        )}
        <IonTitle>{title}</IonTitle>
        <IonButtons slot="end">
          <DesktopNav />
          {langToggle && <LangToggle />}
          {Extras && <Extras />}
        </IonButtons>
      </IonToolbar>
      <OfflineBanner />
      <VerifyEmailBanner />
      {children}
    </IonHeader>
  );
}
