import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { formatNumber, type Lang } from '../format';
import { en, type MessageKey } from './en';
import { LANG_KEY, preferredLang } from './lang';
import { fil } from './fil';

export type { MessageKey } from './en';
export { LANG_KEY } from './lang';
export const dictionaries: Record<Lang, Record<MessageKey, string>> = { en, fil };

export type Vars = Record<string, string | number>;
export type TFunction = (key: MessageKey, vars?: Vars) => string;

const pluralRules: Partial<Record<Lang, Intl.PluralRules>> = {};

/**
 * The key for `count` in `lang`: `key_one`, `key_few`, … when the dictionary has that CLDR plural
 * form, else `key` itself (the "other" form). English has `_one` ("1 forecaster"); Filipino nouns
 * do not change after a numeral, so its `_one` entries read like the base ones.
 */
function pluralKey(lang: Lang, key: MessageKey, count: number): MessageKey {
  const rules = (pluralRules[lang] ??= new Intl.PluralRules(lang));
  const form = `${key}_${rules.select(count)}`;
  return isMessageKey(form) ? form : key;
}

/**
 * The message `key` in `lang` with `{name}` placeholders filled. A numeric `count` picks the
 * plural form; numbers are shown with the app's grouping (`1,234`).
 */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const k = typeof vars?.count === 'number' ? pluralKey(lang, key, vars.count) : key;
  const template = dictionaries[lang][k] ?? en[k] ?? k;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    if (!(name in vars)) return m;
    const value = vars[name];
    return typeof value === 'number' ? formatNumber(value) : String(value);
  });
}

export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: TFunction;
}

const I18nContext = createContext<I18nValue>({
  lang: 'en',
  setLang: () => {},
  t: (key, vars) => translate('en', key, vars),
});

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(preferredLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(LANG_KEY, next);
    } catch {
      // storage unavailable
    }
  }, []);
  const value = useMemo<I18nValue>(
    () => ({ lang, setLang, t: (key, vars) => translate(lang, key, vars) }),
    [lang, setLang],
  );
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The translate function for the current language. */
export function useT(): TFunction {
  return useContext(I18nContext).t;
}

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
