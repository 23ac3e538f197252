/** The `token` of an emailed link (`/reset-password?token=…`), or null. */
export function linkToken(search: string): string | null {
  const token = new URLSearchParams(search).get('token');
  return token && token.trim() ? token.trim() : null;
}

/** A dead link (expired, used or unknown): the page offers a new one rather than a retry. */
export function isDeadLink(code: string | undefined): boolean {
  return code === 'LINK_EXPIRED' || code === 'LINK_USED' || code === 'LINK_INVALID';
}
