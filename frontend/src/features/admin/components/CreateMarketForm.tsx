import { IonButton } from '@ionic/react';
import { useState, type FormEvent } from 'react';
import { TextField } from '@/components/TextField';
import { isApiError } from '@/lib/api-client';
import { CATEGORIES, type Category } from '@/lib/api-types';
import { errorMessage } from '@/lib/error-message';
import { useT } from '@/lib/i18n';
import { createMarket } from '../api/create-market';
import { useAdminMutation } from '../api/use-admin-mutation';
import { FilipinoFields, parseOutcomesFil } from './FilipinoFields';
import { closesAfterResolves } from './schedule-warning';

/** `datetime-local` values are entered in Manila time (UTC+8, no DST). */
export function manilaToIso(local: string): string | undefined {
  if (!local) return undefined;
  const withSeconds = local.length === 16 ? `${local}:00` : local;
  return `${withSeconds}+08:00`;
}

export function parseOutcomes(text: string): string[] | null {
  const names = text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  const unique = new Set(names.map((n) => n.toLowerCase()));
  if (names.length < 2 || names.length > 20 || unique.size !== names.length) return null;
  return names;
}

export function CreateMarketForm() {
  const t = useT();
  const [v, setV] = useState({
    title: '',
    description: '',
    category: 'election' as Category,
    outcomes: 'Yes\nNo',
    closes_at: '',
    resolves_at: '',
    max_points: '',
    title_fil: '',
    description_fil: '',
    outcomes_fil: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const create = useAdminMutation(createMarket);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV((old) => ({ ...old, [k]: e.target.value }));
  const serverField = (f: string) =>
    isApiError(create.error) ? create.error.fieldMessage(f) : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const errs: Record<string, string> = {};
    if (!v.title.trim()) errs.title = t('admin.err.required');
    if (!v.closes_at) errs.closes_at = t('admin.err.required');
    if (closesAfterResolves(v.closes_at, v.resolves_at)) {
      errs.resolves_at = t('admin.closesAfterResolves');
    }
    const outcomes = parseOutcomes(v.outcomes);
    if (!outcomes) errs.outcomes = t('admin.err.outcomes');
    const outcomesFil = outcomes ? parseOutcomesFil(v.outcomes_fil, outcomes.length) : null;
    if (outcomes && !outcomesFil) errs.outcomes_fil = t('admin.err.outcomesFil');
    setErrors(errs);
    if (Object.keys(errs).length || !outcomes || !outcomesFil) return;
    create.mutate(
      {
        title: v.title.trim(),
        description: v.description.trim(),
        category: v.category,
        outcomes,
        closes_at: manilaToIso(v.closes_at)!,
        resolves_at: manilaToIso(v.resolves_at),
        max_points_per_user: v.max_points ? Number(v.max_points) : undefined,
        title_fil: v.title_fil.trim() || undefined,
        description_fil: v.description_fil.trim() || undefined,
        outcomes_fil: outcomesFil.some(Boolean) ? outcomesFil : undefined,
      },
      {
        onSuccess: () => {
          setDone(true);
          setV((old) => ({
            ...old,
            title: '',
            description: '',
            title_fil: '',
            description_fil: '',
            outcomes_fil: '',
          }));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="create-market">
      <TextField
        label={t('admin.title.field')}
        name="title"
        value={v.title}
        onChange={set('title')}
        error={errors.title ?? serverField('title')}
      />
      <div className="mb-3">
        <label className="pm-label" htmlFor="adm-desc">
          {t('admin.description')}
        </label>
        <textarea
          id="adm-desc"
          name="description"
          className="pm-input min-h-24"
          value={v.description}
          onChange={set('description')}
        />
      </div>
      <div className="mb-3">
        <label className="pm-label" htmlFor="adm-cat">
          {t('admin.category')}
        </label>
        <select
          id="adm-cat"
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
        <label className="pm-label" htmlFor="adm-outcomes">
          {t('admin.outcomes')}
        </label>
        <textarea
          id="adm-outcomes"
          name="outcomes"
          className="pm-input min-h-24"
          value={v.outcomes}
          onChange={set('outcomes')}
          aria-invalid={!!errors.outcomes}
        />
        {(errors.outcomes ?? serverField('outcomes')) && (
          <p className="pm-field-error">{errors.outcomes ?? serverField('outcomes')}</p>
        )}
      </div>
      <FilipinoFields
        idPrefix="adm"
        values={v}
        onChange={(field, value) => setV((old) => ({ ...old, [field]: value }))}
        error={(f) => errors[f] ?? serverField(f)}
      />
      <div className="grid gap-x-3 sm:grid-cols-2">
        <TextField
          label={t('admin.closesAt')}
          name="closes_at"
          type="datetime-local"
          value={v.closes_at}
          onChange={set('closes_at')}
          error={errors.closes_at ?? serverField('closes_at')}
        />
        <TextField
          label={t('admin.resolvesAt')}
          name="resolves_at"
          type="datetime-local"
          value={v.resolves_at}
          onChange={set('resolves_at')}
          error={
            closesAfterResolves(v.closes_at, v.resolves_at)
              ? t('admin.closesAfterResolves')
              : serverField('resolves_at')
          }
        />
      </div>
      <TextField
        label={t('admin.maxPoints')}
        inputMode="numeric"
        value={v.max_points}
        onChange={(e) => setV((o) => ({ ...o, max_points: e.target.value.replace(/\D/g, '') }))}
        error={serverField('max_points_per_user')}
      />
      {create.isError && (
        <p className="pm-field-error" role="alert">
          {errorMessage(create.error, t)}
        </p>
      )}
      {done && (
        <p role="status" className="text-sm text-green-700 dark:text-green-400">
          {t('admin.created')}
        </p>
      )}
      <IonButton type="submit" expand="block" disabled={create.isPending}>
        {t('admin.create')}
      </IonButton>
    </form>
  );
}
