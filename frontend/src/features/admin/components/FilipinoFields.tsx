import { TextField } from '@/components/TextField';
import { useT } from '@/lib/i18n';

export interface FilipinoValues {
  title_fil: string;
  description_fil: string;
  outcomes_fil: string;
}

/**
 * One Filipino name per outcome, by line, in the order of the outcomes (a blank line: none, the
 * app shows the English name); null when there are more lines than outcomes.
 */
export function parseOutcomesFil(text: string, outcomeCount: number): string[] | null {
  const lines = text.split('\n').map((s) => s.trim());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length > outcomeCount) return null;
  return Array.from({ length: outcomeCount }, (_, i) => lines[i] ?? '');
}

/** The optional Filipino title, description and outcome names of a market (admin forms). */
export function FilipinoFields({
  idPrefix,
  values,
  onChange,
  error,
}: {
  idPrefix: string;
  values: FilipinoValues;
  onChange: (field: keyof FilipinoValues, value: string) => void;
  error: (field: string) => string | undefined;
}) {
  const t = useT();
  return (
    <fieldset className="mb-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <legend className="px-1 text-sm font-semibold">{t('admin.filipino')}</legend>
      <p className="mb-2 text-xs text-zinc-500">{t('admin.filipinoHint')}</p>
      <TextField
        label={t('admin.titleFil')}
        name="title_fil"
        value={values.title_fil}
        onChange={(e) => onChange('title_fil', e.target.value)}
        error={error('title_fil')}
      />
      <div className="mb-3">
        <label className="pm-label" htmlFor={`${idPrefix}-desc-fil`}>
          {t('admin.descriptionFil')}
        </label>
        <textarea
          id={`${idPrefix}-desc-fil`}
          name="description_fil"
          className="pm-input min-h-20"
          value={values.description_fil}
          onChange={(e) => onChange('description_fil', e.target.value)}
        />
        {error('description_fil') && <p className="pm-field-error">{error('description_fil')}</p>}
      </div>
      <div>
        <label className="pm-label" htmlFor={`${idPrefix}-out-fil`}>
          {t('admin.outcomesFil')}
        </label>
        <textarea
          id={`${idPrefix}-out-fil`}
          name="outcomes_fil"
          className="pm-input min-h-20"
          value={values.outcomes_fil}
          onChange={(e) => onChange('outcomes_fil', e.target.value)}
        />
        {error('outcomes_fil') && <p className="pm-field-error">{error('outcomes_fil')}</p>}
      </div>
    </fieldset>
  );
}
