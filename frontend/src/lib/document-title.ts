import { useIonViewDidEnter, useIonViewWillLeave } from '@ionic/react';
import { createContext, useContext, useEffect, useRef } from 'react';

const APP_NAME = 'Pilimarket';

/**
 * A more specific document title than the page header's, supplied by the route around a page
 * (the market page's header says "Markets"; its tab and history entry should name the market).
 */
export const DocumentTitleContext = createContext<string | undefined>(undefined);

export function documentTitle(page: string | undefined): string {
  return page && page !== APP_NAME ? `${page} · ${APP_NAME}` : APP_NAME;
}

/**
 * Keeps `document.title` on `page` while this page is the one on screen. Ionic keeps visited pages
 * mounted, so the title is set again when a page comes back (ionViewDidEnter), and a page in the
 * background whose data changes does not take the title over.
 */
export function useDocumentTitle(page: string | undefined): void {
  const override = useContext(DocumentTitleContext);
  const title = documentTitle(override ?? page);
  const latest = useRef(title);
  const visible = useRef(true);
  latest.current = title;
  useEffect(() => {
    if (visible.current) document.title = title;
  }, [title]);
  useIonViewDidEnter(() => {
    visible.current = true;
    document.title = latest.current;
  });
  useIonViewWillLeave(() => {
    visible.current = false;
  });
}
