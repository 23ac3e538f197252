import { Section } from '@/components/Page';
import { useT } from '@/lib/i18n';
import { PREFERENCE_KEYS, usePreferences, useSavePreferences } from '../api/preferences';

/** One switch per notification type; saved as soon as it changes. */
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
    </Section>
  );
}
