import type { Lang } from '../format';

export const LANG_KEY = 'pm.lang';

/** Whether the user chose a language on this browser (rather than it following the browser's). */
export function hasChosenLang(): boolean {
  try {
    const stored = localStorage.getItem(LANG_KEY);
    return stored === 'en' || stored === 'fil';
  } catch {
    return false;
  }
}

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
