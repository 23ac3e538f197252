import { IonButton } from '@ionic/react';
import { useState, type FormEvent } from 'react';
import { isApiError } from '@/lib/api-client';
import type { Category } from '@/lib/api-types';
import { errorMessage } from '@/lib/error-message';
import { useT } from '@/lib/i18n';
import { createMarket } from '../api/create-market';
import { useAdminMutation } from '../api/use-admin-mutation';
import { parseOutcomesFil } from './FilipinoFields';
import { manilaToIso, parseOutcomes } from './market-values';
import { MarketFields, type MarketValues } from './MarketFields';
import { closesAfterResolves } from './schedule-warning';

export function CreateMarketForm() {
  const t = useT();
  const [v, setV] = useState<MarketValues>({
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
  const serverField = (f: string) =>
    isApiError(create.error) ? create.error.fieldMessage(f) : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const errs: Record<string, string> = {};
    if (!v.title.trim()) errs.title = t('admin.err.required');
    if (!v.closes_at) errs.closes_at = t('admin.err.required');
    const outcomes = parseOutcomes(v.outcomes);
    if (!outcomes) errs.outcomes = t('admin.err.outcomes');
    const outcomesFil = outcomes ? parseOutcomesFil(v.outcomes_fil, outcomes.length) : null;
    if (outcomes && !outcomesFil) errs.outcomes_fil = t('admin.err.outcomesFil');
    setErrors(errs);
    // MarketFields shows the closes-after-resolves warning itself, while it holds.
    const late = closesAfterResolves(v.closes_at, v.resolves_at);
    if (Object.keys(errs).length || late || !outcomes || !outcomesFil) return;
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
      <MarketFields
        idPrefix="adm"
        values={v}
        onChange={(field, value) => setV((old) => ({ ...old, [field]: value }))}
        error={(f) => errors[f] ?? serverField(f)}
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
