import { createContext, useContext, type ComponentType } from 'react';

/**
 * Extra header content (chip balance, notification bell) supplied by the app shell,
 * so shared page headers can show it without depending on features.
 */
export const HeaderExtrasContext = createContext<ComponentType | null>(null);

export function useHeaderExtras(): ComponentType | null {
  return useContext(HeaderExtrasContext);
}
