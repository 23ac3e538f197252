import type { Lang } from '../format';

export const LANG_KEY = 'pm.lang';

/** The language chosen on this browser, else Filipino for a Filipino/Tagalog browser, else English. */
export function preferredLang(): Lang {
  try {
    const stored = localStorage.getItem(LANG_KEY);
    if (stored === 'en' || stored === 'fil') return stored;
  } catch {
    // storage unavailable
  }
  return typeof navigator !== 'undefined' && /^(fil|tl)\b/i.test(navigator.language) ? 'fil' : 'en';
}
