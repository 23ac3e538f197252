import { IonButton } from '@ionic/react';
import { useState, type FormEvent } from 'react';
import { useHistory } from 'react-router-dom';
import { PageBody, Section } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { Pager } from '@/components/Pager';
import { QueryView } from '@/components/QueryView';
import { EmptyState, Skeleton } from '@/components/States';
import { statusTone, Tag } from '@/components/Tag';
import { uuid } from '@/lib/api-client';
import { errorMessage } from '@/lib/error-message';
import { formatCentavos, formatChips, formatDateTime, formatNumber } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useSession } from '@/lib/session';
import { keepTyping, readChips } from '@/lib/whole-chips';
import { usePackages, usePurchaseLimits, type PurchaseLimits } from './api/get-packages';
import { PROVIDERS, useCreatePurchase, usePurchases, type Provider } from './api/purchases';
import { Transactions } from './components/Transactions';

export function WalletPage() {
  const t = useT();
  const { user, isLoading } = useSession();
  return (
    <>
      <PageHeader title={t('wallet.title')} backHref="/profile" />
      <PageBody>
        <div
          className="mb-4 rounded-xl border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200"
          role="note"
        >
          {t('wallet.notice')}
        </div>
        {user && (
          <p className="mb-4 text-sm">
            {t('common.balance')}: <strong>{formatChips(user.chips)}</strong>
          </p>
        )}
        {!isLoading && !user ? (
          <EmptyState
            title={t('wallet.loginRequired')}
            action={<IonButton routerLink="/login?next=/wallet">{t('auth.login')}</IonButton>}
          />
        ) : (
          <>
            <BuyForm />
            <History enabled={!!user} />
            <Transactions enabled={!!user} />
          </>
        )}
      </PageBody>
    </>
  );
}

/** Why a custom amount would be refused, or null while it is fine (or still being typed up to the minimum). */
export function customAmountProblem(
  chips: number,
  limits: PurchaseLimits | undefined,
  submitted: boolean,
): 'below' | 'above' | null {
  if (!limits || chips <= 0) return null;
  if (chips > limits.max_chips) return 'above';
  // "1", "10" on the way to "100" are not mistakes yet: say so once the user is done typing.
  if (chips < limits.min_chips && submitted) return 'below';
  return null;
}

function BuyForm() {
  const t = useT();
  const history = useHistory();
  const packages = usePackages();
  const limits = usePurchaseLimits();
  const [packageId, setPackageId] = useState<string | null>(null);
  const [custom, setCustom] = useState('');
  const [customDone, setCustomDone] = useState(false);
  const [provider, setProvider] = useState<Provider>('gcash');
  const [formError, setFormError] = useState<string | null>(null);
  const create = useCreatePurchase();

  const typed = readChips(custom);
  const customChips = typed.kind === 'whole' && typed.chips > 0 ? typed.chips : 0;
  // Said as the user types: "2.5" is refused here, never sent as 25.
  const customError =
    typed.kind === 'fraction'
      ? t('chips.wholeOnly')
      : typed.kind === 'invalid'
        ? t('slip.err.integer')
        : null;
  const chips = packageId
    ? (packages.data?.find((p) => p.id === packageId)?.chips ?? 0)
    : customChips;
  const problem = packageId ? null : customAmountProblem(customChips, limits.data, customDone);

  /** A new choice makes the last refusal stale: it goes as soon as the user changes something. */
  const clearErrors = () => {
    setFormError(null);
    if (create.isError) create.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    clearErrors();
    setCustomDone(true);
    if (!packageId && customError) return; // already said under the field
    if (!packageId && customChips <= 0) {
      setFormError(t('wallet.pickAmount'));
      return;
    }
    if (!packageId && customAmountProblem(customChips, limits.data, true)) return;
    const input = packageId
      ? { provider, package_id: packageId }
      : { provider, chips: customChips };
    create.mutate(
      { input, key: uuid() },
      {
        onSuccess: (p) => {
          if (p.checkout_url) window.location.assign(p.checkout_url);
          else history.push(`/wallet/return?purchase=${encodeURIComponent(p.id)}`);
        },
      },
    );
  };

  const limitsText = limits.data
    ? t('wallet.limits', {
        min: limits.data.min_chips,
        max: limits.data.max_chips,
        daily: limits.data.daily_limit_chips,
      })
    : null;
  const problemText =
    problem && limits.data
      ? t(problem === 'above' ? 'wallet.tooMany' : 'wallet.tooFew', {
          min: limits.data.min_chips,
          max: limits.data.max_chips,
        })
      : null;
  const serverError = create.isError ? errorMessage(create.error, t) : null;

  return (
    <Section title={t('wallet.packages')}>
      <form onSubmit={submit} noValidate>
        <QueryView query={packages} loading={<Skeleton className="h-24 w-full" />}>
          {(list) => (
            <div className="grid grid-cols-2 gap-2" role="group" aria-label={t('wallet.packages')}>
              {list.map((p) => (
                <button
                  key={p.id}
                  type="button"
                  data-testid="package"
                  data-chips={p.chips}
                  aria-pressed={packageId === p.id}
                  onClick={() => {
                    setPackageId(p.id);
                    setCustom('');
                    setCustomDone(false);
                    clearErrors();
                  }}
                  className={`rounded-xl border p-3 text-left transition ${packageId === p.id ? 'border-blue-600 bg-blue-50 dark:bg-blue-950/40' : 'border-[var(--pm-border)]'}`}
                >
                  <span className="block text-lg font-bold tabular-nums">
                    {formatNumber(p.chips)}
                  </span>
                  <span className="block text-xs text-zinc-500">
                    {t('common.chips')} · {formatCentavos(p.amount_cents)}
                  </span>
                </button>
              ))}
            </div>
          )}
        </QueryView>
        <label className="pm-label mt-4" htmlFor="custom-chips">
          {t('wallet.custom')}
        </label>
        <input
          id="custom-chips"
          name="chips"
          className="pm-input"
          inputMode="numeric"
          autoComplete="off"
          value={custom}
          aria-invalid={customError || problem ? true : undefined}
          aria-describedby="custom-chips-limits"
          onChange={(e) => {
            setCustom(keepTyping(e.target.value));
            setCustomDone(false);
            setPackageId(null);
            clearErrors();
          }}
          onBlur={() => setCustomDone(true)}
        />
        <p
          id="custom-chips-limits"
          data-testid="purchase-limits"
          className={`mt-1 text-xs ${customError || problem ? 'pm-field-error' : 'text-zinc-500'}`}
          role={customError ? 'alert' : undefined}
          aria-live={customError ? undefined : 'polite'}
        >
          {customError ?? problemText ?? limitsText ?? t('chips.wholeHint')}
        </p>
        <fieldset className="mt-4 border-0 p-0">
          <legend className="pm-label">{t('wallet.provider')}</legend>
          <div className="flex flex-wrap gap-2">
            {PROVIDERS.map((p) => (
              <button
                key={p}
                type="button"
                className={`chip ${provider === p ? 'chip-active' : ''}`}
                aria-pressed={provider === p}
                onClick={() => {
                  setProvider(p);
                  clearErrors();
                }}
              >
                {t(`wallet.provider.${p}`)}
              </button>
            ))}
          </div>
        </fieldset>
        {(formError || serverError) && (
          <p className="pm-field-error" role="alert">
            {formError ?? serverError}
          </p>
        )}
        <IonButton
          type="submit"
          expand="block"
          className="mt-4"
          disabled={create.isPending || problem === 'above'}
        >
          {create.isPending
            ? t('wallet.redirecting')
            : t('wallet.buy', { chips: chips > 0 ? formatChips(chips) : t('common.chips') })}
        </IonButton>
      </form>
    </Section>
  );
}

function History({ enabled }: { enabled: boolean }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const q = usePurchases(enabled, page);
  return (
    <Section title={t('wallet.history')}>
      <QueryView
        query={q}
        loading={<Skeleton className="h-12 w-full" />}
        empty={<p className="text-sm text-zinc-500">{t('wallet.noHistory')}</p>}
      >
        {(res) => (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {res.data.map((p) => (
              <li key={p.id} className="flex items-center justify-between gap-2 py-2 text-sm">
                <div>
                  <p className="font-medium">{formatChips(p.chips)}</p>
                  <p className="text-xs text-zinc-500">
                    {t(`wallet.provider.${p.provider}`)} · {formatCentavos(p.amount_cents)}
                    {p.created_at && <> · {formatDateTime(p.created_at)}</>}
                  </p>
                </div>
                <Tag tone={statusTone(p.status)}>{t(`wallet.status.${p.status}`)}</Tag>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      <Pager pagination={q.data?.pagination} onPage={setPage} />
    </Section>
  );
}
