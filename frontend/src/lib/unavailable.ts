import { isApiError } from './api-client';

/**
 * True when the server does not offer an endpoint (yet): 404 on a route, 405, 501. Pages then hide
 * the section or say "not available" instead of showing an error with a retry button.
 */
export function isUnavailable(error: unknown): boolean {
  return (
    isApiError(error) && (error.status === 404 || error.status === 405 || error.status === 501)
  );
}
