import type { Lang } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { useTheme, type ThemeMode } from '@/lib/theme';

const MODES: ThemeMode[] = ['system', 'light', 'dark'];
const LANGS: Lang[] = ['en', 'fil'];

/** Language and theme switches (both persisted). */
export function SettingsControls() {
  const { t, lang, setLang } = useI18n();
  const { mode, setMode } = useTheme();
  return (
    <div className="space-y-4">
      <div>
        <p className="pm-label" id="set-lang">
          {t('profile.language')}
        </p>
        <div className="flex gap-2" role="group" aria-labelledby="set-lang">
          {LANGS.map((l) => (
            <button
              key={l}
              type="button"
              className={`chip ${lang === l ? 'chip-active' : ''}`}
              aria-pressed={lang === l}
              onClick={() => setLang(l)}
            >
              {t(`lang.${l}`)}
            </button>
          ))}
        </div>
      </div>
      <div>
        <p className="pm-label" id="set-theme">
          {t('profile.theme')}
        </p>
        <div className="flex gap-2" role="group" aria-labelledby="set-theme">
          {MODES.map((m) => (
            <button
              key={m}
              type="button"
              className={`chip ${mode === m ? 'chip-active' : ''}`}
              aria-pressed={mode === m}
              onClick={() => setMode(m)}
            >
              {t(`profile.theme.${m}`)}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
