import { Section } from '@/components/Page';
import { useT } from '@/lib/i18n';
import {
  EMAIL_FREQUENCIES,
  PREFERENCE_KEYS,
  usePreferences,
  useSavePreferences,
  type EmailFrequency,
} from '../api/preferences';
import { PushToggle } from './PushToggle';

/**
 * One switch per notification type, how results and reminders come by email, and push on this
 * device; saved at once.
 */
export function PreferencesForm() {
  const t = useT();
  const prefs = usePreferences(true);
  const save = useSavePreferences();
  if (!prefs.data) return null;
  const current = prefs.data;
  return (
    <Section title={t('notif.preferences')}>
      <ul className="space-y-3">
        {PREFERENCE_KEYS.map((k) => (
          <li key={k}>
            <label className="flex cursor-pointer items-center justify-between gap-3 text-sm">
              <span>{t(`notif.pref.${k}`)}</span>
              <input
                type="checkbox"
                role="switch"
                className="h-5 w-5 accent-blue-600"
                checked={current[k]}
                disabled={save.isPending}
                onChange={(e) => save.mutate({ ...current, [k]: e.target.checked })}
              />
            </label>
          </li>
        ))}
      </ul>
      <label className="mt-4 block text-sm">
        <span className="pm-label">{t('notif.emailFrequency')}</span>
        <select
          className="pm-input"
          name="email_frequency"
          value={current.email_frequency}
          disabled={save.isPending}
          onChange={(e) =>
            save.mutate({ ...current, email_frequency: e.target.value as EmailFrequency })
          }
        >
          {EMAIL_FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {t(`notif.email.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{t('notif.emailHint')}</p>
      <PushToggle
        preferences={current}
        onEnablePush={() => save.mutate({ ...current, push: true })}
      />
    </Section>
  );
}
