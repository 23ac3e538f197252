import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { expectCsrfToken } from '@/lib/csrf';
import { SESSION_HINT_KEY } from '@/lib/session-flag';

configure({ asyncUtilTimeout: 5000 });

// Tests run as a browser that has logged in before (so /users/me is asked); tests of visitors
// remove the hint.
beforeEach(() => {
  localStorage.setItem(SESSION_HINT_KEY, '1');
  // Test files share their modules (isolate: false in vite.config.ts): module state a test leaves
  // behind is reset here. The CSRF helper remembers "the server gave no token" for a minute.
  expectCsrfToken();
});

afterEach(() => {
  cleanup();
  localStorage.clear();
  document.cookie.split(';').forEach((c) => {
    const name = c.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  });
});

if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
}
