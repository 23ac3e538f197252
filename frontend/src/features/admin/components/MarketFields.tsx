import { TextField } from '@/components/TextField';
import { CATEGORIES, type Category } from '@/lib/api-types';
import { useT } from '@/lib/i18n';
import { FilipinoFields, type FilipinoValues } from './FilipinoFields';
import { closesAfterResolves } from './schedule-warning';

/** What the create and edit forms hold, as typed (dates as `datetime-local` in Manila time). */
export interface MarketValues extends FilipinoValues {
  title: string;
  description: string;
  category: Category;
  outcomes: string;
  closes_at: string;
  resolves_at: string;
  max_points: string;
}

/**
 * A market's fields, shared by the console's create and edit forms: title, description, category,
 * outcomes, the Filipino texts, closing and resolution times, the per-person cap. `error(field)`
 * names what is wrong with a field (the form's own checks or the server's).
 */
export function MarketFields({
  idPrefix,
  values: v,
  onChange,
  error,
  outcomesLocked = false,
  showClosesAt = true,
  compact = false,
}: {
  idPrefix: string;
  values: MarketValues;
  onChange: (field: keyof MarketValues, value: string) => void;
  error: (field: string) => string | undefined;
  /** Outcomes can't change once someone has forecast: shown disabled, with why. */
  outcomesLocked?: boolean;
  /** Closing time only while the market is open. */
  showClosesAt?: boolean;
  /** Shorter text areas (the edit form inside a market's row). */
  compact?: boolean;
}) {
  const t = useT();
  const area = `pm-input ${compact ? 'min-h-20' : 'min-h-24'}`;
  const set = (k: keyof MarketValues) => (e: { target: { value: string } }) =>
    onChange(k, e.target.value);
  const outcomesError = error('outcomes');
  return (
    <>
      <TextField
        label={t('admin.title.field')}
        name="title"
        value={v.title}
        onChange={set('title')}
        error={error('title')}
      />
      <div className="mb-3">
        <label className="pm-label" htmlFor={`${idPrefix}-desc`}>
          {t('admin.description')}
        </label>
        <textarea
          id={`${idPrefix}-desc`}
          name="description"
          className={area}
          value={v.description}
          onChange={set('description')}
        />
      </div>
      <div className="mb-3">
        <label className="pm-label" htmlFor={`${idPrefix}-cat`}>
          {t('admin.category')}
        </label>
        <select
          id={`${idPrefix}-cat`}
          name="category"
          className="pm-input"
          value={v.category}
          onChange={set('category')}
        >
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`markets.category.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="mb-3">
        <label className="pm-label" htmlFor={`${idPrefix}-outcomes`}>
          {t('admin.outcomes')}
        </label>
        <textarea
          id={`${idPrefix}-outcomes`}
          name="outcomes"
          className={area}
          value={v.outcomes}
          onChange={set('outcomes')}
          disabled={outcomesLocked}
          aria-invalid={!!outcomesError}
          aria-describedby={outcomesLocked ? `${idPrefix}-out-hint` : undefined}
        />
        {outcomesLocked && (
          <p id={`${idPrefix}-out-hint`} className="mt-1 text-xs text-zinc-500">
            {t('admin.outcomesLocked')}
          </p>
        )}
        {outcomesError && <p className="pm-field-error">{outcomesError}</p>}
      </div>
      <FilipinoFields idPrefix={idPrefix} values={v} onChange={onChange} error={error} />
      <div className="grid gap-x-3 sm:grid-cols-2">
        {showClosesAt && (
          <TextField
            label={t('admin.closesAt')}
            name="closes_at"
            type="datetime-local"
            value={v.closes_at}
            onChange={set('closes_at')}
            error={error('closes_at')}
          />
        )}
        <TextField
          label={t('admin.resolvesAt')}
          name="resolves_at"
          type="datetime-local"
          value={v.resolves_at}
          onChange={set('resolves_at')}
          error={
            closesAfterResolves(v.closes_at, v.resolves_at)
              ? t('admin.closesAfterResolves')
              : error('resolves_at')
          }
        />
      </div>
      <TextField
        label={t('admin.maxPoints')}
        inputMode="numeric"
        value={v.max_points}
        onChange={(e) => onChange('max_points', e.target.value.replace(/\D/g, ''))}
        error={error('max_points_per_user')}
      />
    </>
  );
}
