import { IonButton, IonSpinner } from '@ionic/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { outcomeColor } from '@/components/ProbabilityBar';
import { uuid } from '@/lib/api-client';
import type { MarketDetail } from '@/lib/api-types';
import { errorMessage } from '@/lib/error-message';
import { formatChips, formatPeso } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { byProbability, outcomePercents } from '@/lib/percent';
import { useSession } from '@/lib/session';
import { keepTyping, readChips } from '@/lib/whole-chips';
import { usePlaceForecast } from '../api/place-forecast';
import { maxStake, previewPayout, validateStake } from '../slip-math';

const QUICK = [10, 50, 100, 500];

/** Set once the first-forecast explanation has been read, skipped, or a forecast placed. */
export const INTRO_KEY = 'pm.forecast-intro';

function introSeen(): boolean {
  try {
    return localStorage.getItem(INTRO_KEY) === 'seen';
  } catch {
    return false;
  }
}

function markIntroSeen() {
  try {
    localStorage.setItem(INTRO_KEY, 'seen');
  } catch {
    // private mode: it shows again next time, which is harmless
  }
}

/**
 * The forecast slip. `initialOutcomeId` preselects an outcome (a card's one-tap outcome button);
 * the caller's existing outcome wins over it.
 */
export function ForecastSlip({
  market,
  initialOutcomeId,
}: {
  market: MarketDetail;
  initialOutcomeId?: string | null;
}) {
  const t = useT();
  const { user, isLoading } = useSession();
  const existing = market.my_forecast;
  const existingStake = existing?.points ?? 0;
  const [picked, setPicked] = useState<string | null>(
    existing?.outcome_id ??
      (market.outcomes.some((o) => o.id === initialOutcomeId) ? initialOutcomeId! : null),
  );
  const [intro, setIntro] = useState(() => !existing && !introSeen());
  const section = useRef<HTMLElement>(null);
  const preselected = !!initialOutcomeId && picked === initialOutcomeId;
  // Opened from a card's outcome button: bring the slip (below the outcomes on a phone) into view.
  useEffect(() => {
    if (preselected && user) section.current?.scrollIntoView?.({ block: 'center' });
  }, [preselected, user]);
  const closeIntro = () => {
    markIntroSeen();
    setIntro(false);
  };
  const outcomeId = existing?.outcome_id ?? picked;
  const [amount, setAmount] = useState('');
  const [touched, setTouched] = useState(false);
  const [success, setSuccess] = useState<string | null>(null);
  const place = usePlaceForecast();

  const open = market.status === 'open' && Date.parse(market.closes_at) > Date.now();
  const balance = user?.chips ?? 0;
  const limit = maxStake(balance, market.max_points_per_user, existingStake);
  const error = validateStake(amount, {
    balance,
    maxPerUser: market.max_points_per_user,
    existingStake,
  });
  const typed = readChips(amount);
  const stake = error || typed.kind !== 'whole' ? 0 : typed.chips;
  const capLeft =
    market.max_points_per_user == null
      ? Infinity
      : Math.max(0, market.max_points_per_user - existingStake);
  const percents = outcomePercents(market.outcomes);
  const sorted = byProbability(market.outcomes);
  const payout = outcomeId ? previewPayout(market, outcomeId, stake, existingStake) : 0;

  const frame = (children: React.ReactNode) => (
    <section
      className="card p-4"
      data-testid="forecast-slip"
      aria-labelledby="slip-title"
      ref={section}
    >
      <h2 id="slip-title" className="mb-3 text-base font-semibold">
        {t('slip.title')}
      </h2>
      {children}
    </section>
  );

  if (!open) return frame(<p className="text-sm text-zinc-500">{t('slip.notOpen')}</p>);
  if (isLoading) return frame(<IonSpinner />);
  if (!user) {
    return frame(
      <IonButton
        expand="block"
        routerLink={`/login?next=${encodeURIComponent(window.location.pathname)}`}
      >
        {t('slip.loginToForecast')}
      </IonButton>,
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    setSuccess(null);
    if (error || !outcomeId) return;
    place.mutate(
      {
        input: { market_id: market.id, outcome_id: outcomeId, points: stake },
        key: uuid(),
      },
      {
        onSuccess: (placed) => {
          markIntroSeen();
          setIntro(false);
          setAmount('');
          setTouched(false);
          setSuccess(
            t('slip.success', {
              amount: formatChips(placed.chips ?? Math.max(0, balance - stake)),
            }),
          );
        },
      },
    );
  };

  const addQuick = (n: number) => {
    const now = readChips(amount);
    const current = now.kind === 'whole' && now.chips > 0 ? now.chips : 0;
    setAmount(String(Math.min(current + n, Math.max(limit, 0))));
    setTouched(true);
  };

  const showError = touched ? error : null;

  return frame(
    <form onSubmit={submit} noValidate>
      {intro && <FirstForecastIntro onClose={closeIntro} />}
      <fieldset className="m-0 border-0 p-0">
        <legend className="pm-label">{t('slip.pickOutcome')}</legend>
        <div className="grid grid-cols-2 gap-2">
          {sorted.map((o) => {
            const selected = outcomeId === o.id;
            const locked = !!existing && existing.outcome_id !== o.id;
            const color = outcomeColor(o.name, o.index);
            return (
              <button
                key={o.id}
                type="button"
                data-testid="slip-outcome"
                aria-pressed={selected}
                disabled={locked}
                onClick={() => setPicked(o.id)}
                className="flex min-h-11 items-center justify-between gap-2 rounded-xl border px-3 py-2 text-left text-sm font-medium transition disabled:cursor-not-allowed disabled:opacity-40"
                style={{
                  borderColor: selected ? color : 'var(--pm-border)',
                  background: selected ? color : 'transparent',
                  color: selected ? '#fff' : 'inherit',
                }}
              >
                <span className="min-w-0 [overflow-wrap:anywhere]">{o.name}</span>
                <span className="shrink-0 tabular-nums">{percents.get(o.id)}</span>
              </button>
            );
          })}
        </div>
        {existing && <p className="mt-2 text-xs text-zinc-500">{t('slip.lockedOutcome')}</p>}
      </fieldset>

      <label className="pm-label mt-4" htmlFor="slip-amount">
        {t('slip.amount')}
      </label>
      <input
        id="slip-amount"
        name="points"
        className="pm-input tabular-nums"
        inputMode="numeric"
        pattern="[0-9]*"
        autoComplete="off"
        placeholder="0"
        value={amount}
        aria-invalid={!!showError}
        aria-describedby="slip-amount-help"
        onChange={(e) => {
          setAmount(keepTyping(e.target.value));
          setTouched(true);
          setSuccess(null);
        }}
      />
      <div className="mt-2 flex flex-wrap gap-2">
        {QUICK.map((n) => (
          <button
            key={n}
            type="button"
            className="chip"
            aria-label={t('slip.quickAdd', { amount: n })}
            onClick={() => addQuick(n)}
          >
            +{n}
          </button>
        ))}
        <button
          type="button"
          className="chip"
          onClick={() => {
            setAmount(String(limit));
            setTouched(true);
          }}
        >
          {t('slip.max')}
        </button>
      </div>
      <p id="slip-amount-help" className="mt-2 text-xs text-zinc-500" data-testid="slip-limit">
        {capLeft < balance
          ? t('slip.upToCap', { amount: formatChips(limit) })
          : t('slip.upToBalance', { amount: formatChips(limit) })}{' '}
        {t('chips.wholeHint')}
      </p>
      {showError && (
        <p className="pm-field-error" role="alert">
          {t(showError.key, showError.vars)}
        </p>
      )}
      {touched && !outcomeId && <p className="pm-field-error">{t('slip.err.outcome')}</p>}

      <dl className="mt-4 space-y-1 rounded-xl bg-zinc-50 p-3 text-sm dark:bg-zinc-900">
        <div className="flex justify-between">
          <dt>{t('slip.payoutIfWins')}</dt>
          <dd
            className="m-0 font-semibold text-green-700 tabular-nums dark:text-green-400"
            data-testid="slip-payout"
          >
            {formatPeso(payout)}
          </dd>
        </div>
        <div className="flex justify-between text-zinc-500">
          <dt>{t('slip.profit')}</dt>
          <dd className="m-0 tabular-nums">
            {formatPeso(Math.max(0, payout - existingStake - stake))}
          </dd>
        </div>
      </dl>
      <p className="mt-1 text-xs text-zinc-500">{t('slip.payoutNote')}</p>

      {place.isError && (
        <p className="pm-field-error" role="alert" data-kind="error">
          {errorMessage(place.error, t)}
        </p>
      )}
      {success && (
        <p
          className="mt-2 text-sm text-green-700 dark:text-green-400"
          role="status"
          data-kind="success"
        >
          {success}
        </p>
      )}
      <IonButton
        type="submit"
        expand="block"
        className="mt-3"
        disabled={place.isPending || !outcomeId || !!error}
      >
        {place.isPending
          ? t('slip.submitting')
          : stake > 0
            ? t('slip.submit', { amount: formatPeso(stake) })
            : t('slip.submitEmpty')}
      </IonButton>
      {balance < 10 && (
        <IonButton expand="block" fill="clear" routerLink="/wallet">
          {t('slip.buyChips')}
        </IonButton>
      )}
    </form>,
  );
}

/** What a newcomer needs before the first forecast: per chip, long shots, play money. Skippable. */
export function FirstForecastIntro({ onClose }: { onClose: () => void }) {
  const t = useT();
  return (
    <div
      className="mb-4 rounded-xl border border-blue-200 bg-blue-50 p-3 text-sm dark:border-blue-900 dark:bg-blue-950"
      role="region"
      aria-labelledby="intro-title"
      data-testid="forecast-intro"
    >
      <div className="flex items-start justify-between gap-2">
        <h3 id="intro-title" className="m-0 text-base font-semibold">
          {t('intro.title')}
        </h3>
        <button type="button" className="text-xs underline" onClick={onClose}>
          {t('intro.skip')}
        </button>
      </div>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>{t('intro.perChip')}</li>
        <li>{t('intro.longShot')}</li>
        <li>{t('intro.playMoney')}</li>
      </ul>
      <IonButton size="small" className="mt-2" onClick={onClose}>
        {t('intro.gotIt')}
      </IonButton>
    </div>
  );
}
