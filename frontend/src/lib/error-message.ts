import { isApiError } from './api-client';
import { isMessageKey, type TFunction } from './i18n';

/** A user-facing message for an error: our translation for known codes, else the server's message. */
export function errorMessage(e: unknown, t: TFunction): string {
  if (isApiError(e)) {
    const key = 'error.' + e.code;
    if (isMessageKey(key)) return t(key);
    return e.message || t('common.error');
  }
  return t('common.error');
}
