import { IonButton } from '@ionic/react';
import { useId, useState, type FormEvent } from 'react';
import { isApiError } from '@/lib/api-client';
import type { MarketSummary } from '@/lib/api-types';
import { errorMessage } from '@/lib/error-message';
import { useT } from '@/lib/i18n';
import { editMarket, type EditMarketInput } from '../api/edit-market';
import { useAdminMutation } from '../api/use-admin-mutation';
import { parseOutcomesFil } from './FilipinoFields';
import { isoToManila, manilaToIso, parseOutcomes } from './market-values';
import { MarketFields, type MarketValues } from './MarketFields';

/** The fields that differ from the market, in the shape PATCH /admin/markets/{id} takes. */
export function editChanges(
  market: MarketSummary,
  v: Omit<MarketValues, 'title_fil' | 'description_fil' | 'outcomes_fil'> &
    Partial<Pick<MarketValues, 'title_fil' | 'description_fil' | 'outcomes_fil'>>,
  outcomesEditable: boolean,
): EditMarketInput | null {
  const changes: EditMarketInput = {};
  if (v.title.trim() !== market.title) changes.title = v.title.trim();
  if (v.description.trim() !== (market.description ?? ''))
    changes.description = v.description.trim();
  if (v.category !== market.category) changes.category = v.category;
  if (market.status === 'open' && v.closes_at !== isoToManila(market.closes_at)) {
    changes.closes_at = manilaToIso(v.closes_at);
  }
  if (v.resolves_at && v.resolves_at !== isoToManila(market.resolves_at)) {
    changes.resolves_at = manilaToIso(v.resolves_at);
  }
  if (v.max_points) changes.max_points_per_user = Number(v.max_points);
  if (outcomesEditable) {
    const outcomes = parseOutcomes(v.outcomes);
    if (!outcomes) return null;
    const same =
      outcomes.length === market.outcomes.length &&
      outcomes.every((o, i) => o === market.outcomes[i].name);
    if (!same) changes.outcomes = outcomes;
  }
  if (v.title_fil !== undefined && v.title_fil.trim() !== (market.title_fil ?? '')) {
    changes.title_fil = v.title_fil.trim();
  }
  if (
    v.description_fil !== undefined &&
    v.description_fil.trim() !== (market.description_fil ?? '')
  ) {
    changes.description_fil = v.description_fil.trim();
  }
  if (v.outcomes_fil !== undefined) {
    const names = parseOutcomesFil(
      v.outcomes_fil,
      changes.outcomes?.length ?? market.outcomes.length,
    );
    if (!names) return null;
    const current = market.outcomes.map((o) => o.name_fil ?? '');
    if (changes.outcomes || names.some((n, i) => n !== current[i])) changes.outcomes_fil = names;
  }
  return changes;
}

export function EditMarketForm({ market, onDone }: { market: MarketSummary; onDone: () => void }) {
  const t = useT();
  const ids = useId();
  const outcomesEditable = market.total_points === 0 && market.forecaster_count === 0;
  const [v, setV] = useState<MarketValues>({
    title: market.title,
    description: market.description ?? '',
    category: market.category,
    outcomes: market.outcomes.map((o) => o.name).join('\n'),
    closes_at: isoToManila(market.closes_at),
    resolves_at: isoToManila(market.resolves_at),
    max_points: '',
    title_fil: market.title_fil ?? '',
    description_fil: market.description_fil ?? '',
    outcomes_fil: market.outcomes.map((o) => o.name_fil ?? '').join('\n'),
  });
  const [error, setError] = useState<string | null>(null);
  const edit = useAdminMutation(editMarket);
  const serverField = (f: string) =>
    isApiError(edit.error) ? edit.error.fieldMessage(f) : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!v.title.trim()) return setError(t('admin.err.required'));
    const changes = editChanges(market, v, outcomesEditable);
    if (!changes) return setError(t('admin.err.outcomes'));
    if (Object.keys(changes).length === 0) return onDone();
    edit.mutate({ id: market.id, changes }, { onSuccess: onDone });
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="mt-2 rounded-xl bg-zinc-100 p-3 dark:bg-zinc-900"
      data-testid="edit-market"
    >
      <MarketFields
        idPrefix={ids}
        values={v}
        onChange={(field, value) => setV((old) => ({ ...old, [field]: value }))}
        error={serverField}
        outcomesLocked={!outcomesEditable}
        showClosesAt={market.status === 'open'}
        compact
      />
      {(error || edit.isError) && (
        <p className="pm-field-error" role="alert">
          {error ?? errorMessage(edit.error, t)}
        </p>
      )}
      <IonButton type="submit" size="small" disabled={edit.isPending}>
        {t('admin.save')}
      </IonButton>
    </form>
  );
}
