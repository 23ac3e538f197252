import { Form, useForm } from '@/components/Form';
import { Section } from '@/components/Page';
import { TextField } from '@/components/TextField';
import type { CurrentUser } from '@/lib/api-types';
import { useT } from '@/lib/i18n';
import { useRequestEmailChange } from '../api/change-email';

/** The account's address, whether it is confirmed, and a change confirmed from the new address. */
export function EmailSettings({ user }: { user: CurrentUser }) {
  const t = useT();
  const change = useRequestEmailChange();
  const form = useForm({ new_email: '', password: '' }, change.error);
  const { new_email: newEmail, password } = form.values;

  const submit = () => {
    change.mutate(
      { new_email: newEmail.trim(), password },
      { onSuccess: () => form.setValues((v) => ({ ...v, password: '' })) },
    );
  };

  return (
    <Section title={t('email.changeTitle')}>
      <p className="mb-3 flex flex-wrap items-center gap-2 text-sm">
        <span className="break-all">{t('email.current', { email: user.email })}</span>
        <span
          data-testid="email-status"
          className={
            user.email_verified
              ? 'rounded-full bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-800 dark:bg-green-950 dark:text-green-200'
              : 'rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-950 dark:text-amber-100'
          }
        >
          {user.email_verified ? t('email.verifiedBadge') : t('email.unverifiedBadge')}
        </span>
      </p>
      {change.isSuccess ? (
        <p role="status" data-testid="email-change-sent">
          {t('email.changeSent', { email: change.data.pending_email })}
        </p>
      ) : (
        <Form
          onSubmit={submit}
          busy={change.isPending}
          label={t('email.changeSend')}
          busyLabel={t('email.changeSending')}
          error={form.formError}
          disabled={!newEmail.trim() || !password}
          outlined
        >
          <TextField
            label={t('email.changeNew')}
            name="new_email"
            type="email"
            autoComplete="email"
            {...form.field('new_email')}
          />
          <TextField
            label={t('email.changePassword')}
            name="current_password"
            type="password"
            autoComplete="current-password"
            {...form.field('password')}
          />
        </Form>
      )}
    </Section>
  );
}
