import type { ErrorEvent } from '@sentry/react';
import { describe, expect, it, vi } from 'vitest';
import { scrubEvent, scrubText, startErrorTracking } from './error-tracking';

describe('error tracking', () => {
  it('loads no SDK when the server has no DSN', async () => {
    const load = vi.fn();
    const started = await startErrorTracking(load, async () => ({
      sentry_dsn: null,
      sentry_environment: null,
    }));
    expect(started).toBe(false);
    expect(load).not.toHaveBeenCalled();
  });

  it('starts the SDK with the DSN the server gives and a scrubbing beforeSend', async () => {
    const init = vi.fn();
    const started = await startErrorTracking(
      async () => ({ init }) as never,
      async () => ({ sentry_dsn: 'https://key@sentry.example/7', sentry_environment: 'staging' }),
    );
    expect(started).toBe(true);
    const options = init.mock.calls[0][0];
    expect(options).toMatchObject({
      dsn: 'https://key@sentry.example/7',
      environment: 'staging',
      sendDefaultPii: false,
    });
    const event = options.beforeSend({
      message: 'login failed for juan@example.ph password=hunter2',
      user: { id: 'u-1', email: 'juan@example.ph', ip_address: '1.2.3.4' },
      request: { url: '/login?token=abc', cookies: { access_token: 'x' } },
    });
    expect(JSON.stringify(event)).not.toMatch(
      /juan@example\.ph|hunter2|abc|1\.2\.3\.4|access_token/,
    );
    expect(event.user).toEqual({ id: 'u-1' });
  });

  it('survives a failing config request', async () => {
    expect(
      await startErrorTracking(vi.fn(), async () => {
        throw new Error('offline');
      }),
    ).toBe(false);
  });

  it('scrubs bearer tokens and secrets', () => {
    expect(scrubText('Authorization: Bearer eyJabc.def')).toBe('Authorization: Bearer [redacted]');
    expect(
      scrubEvent({
        type: undefined,
        exception: { values: [{ value: '{"password":"x1"}' }] },
      } as ErrorEvent).exception,
    ).toEqual({ values: [{ value: '{"password":"[redacted]"}' }] });
  });
});
