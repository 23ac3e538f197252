import { IonButton } from '@ionic/react';
import { useId, useState } from 'react';
import type { MarketSummary } from '@/lib/api-types';
import { useT } from '@/lib/i18n';
import type { MarketAction } from '../api/market-action';

/** Whitespace-separated http(s) links; null when there are none or one is not a link. */
export function parseEvidence(text: string): string[] | null {
  const urls = text
    .split(/\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (urls.length === 0 || urls.some((u) => !/^https?:\/\/\S+\.\S+/.test(u))) return null;
  return urls;
}

/**
 * Resolving or cancelling a market, both final: the form (winner, evidence and note; or the reason),
 * then Review repeats what will happen and to how many forecasters, with Back and the final button.
 * Shows its own check's message, else `serverError`.
 */
export function SettlePanel({
  market,
  kind,
  pending,
  serverError,
  onRun,
}: {
  market: MarketSummary;
  kind: 'resolve' | 'cancel';
  pending: boolean;
  serverError: string | null;
  onRun: (action: MarketAction) => void;
}) {
  const t = useT();
  // No default: resolving is final, so the admin picks the winner deliberately.
  const [outcome, setOutcome] = useState('');
  const [evidence, setEvidence] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const resolving = kind === 'resolve';
  const color = resolving ? 'success' : 'danger';
  const winnerName = market.outcomes.find((o) => o.id === outcome)?.name ?? '';
  const evidenceUrls = parseEvidence(evidence);

  /** What is wrong with the form, or null when it can go to review. */
  const problem = (): string | null => {
    if (!resolving) return reason.trim() ? null : t('admin.err.required');
    if (!outcome) return t('admin.err.outcome');
    if (!evidenceUrls) return t('admin.err.evidence');
    return note.trim() ? null : t('admin.err.required');
  };
  const review = () => {
    const p = problem();
    setLocalError(p);
    setConfirming(p === null);
  };
  const error = localError ?? serverError;

  return (
    <>
      {confirming ? (
        <Confirmation
          title={
            resolving
              ? t('admin.confirmResolveTitle', { market: market.title, outcome: winnerName })
              : t('admin.confirmCancelTitle', { market: market.title })
          }
          body={
            resolving
              ? t('admin.confirmResolveBody', {
                  count: market.forecaster_count,
                  outcome: winnerName,
                })
              : t('admin.confirmCancelBody', {
                  count: market.forecaster_count,
                  reason: reason.trim(),
                })
          }
          confirm={resolving ? t('admin.confirmResolve') : t('admin.confirmCancel')}
          color={color}
          pending={pending}
          onBack={() => setConfirming(false)}
          onConfirm={() => {
            setLocalError(null);
            onRun(
              resolving
                ? {
                    kind: 'resolve',
                    outcome_id: outcome,
                    evidence_urls: evidenceUrls ?? [],
                    resolution_note: note.trim(),
                  }
                : { kind: 'cancel', reason: reason.trim() },
            );
          }}
        />
      ) : (
        <div className="mt-2 space-y-2 rounded-xl bg-zinc-100 p-3 dark:bg-zinc-900">
          {resolving ? (
            <>
              <label className="block text-sm">
                <span className="pm-label">{t('admin.winningOutcome')}</span>
                <select
                  className="pm-input"
                  name="winning_outcome"
                  value={outcome}
                  onChange={(e) => setOutcome(e.target.value)}
                >
                  <option value="" disabled>
                    {t('admin.pickOutcome')}
                  </option>
                  {market.outcomes.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </label>
              <TextArea
                label={t('admin.evidenceUrls')}
                name="evidence_urls"
                value={evidence}
                onChange={setEvidence}
              />
              <TextArea
                label={t('admin.note')}
                name="resolution_note"
                value={note}
                onChange={setNote}
              />
            </>
          ) : (
            <TextArea label={t('admin.reason')} name="reason" value={reason} onChange={setReason} />
          )}
          <IonButton size="small" color={color} onClick={review}>
            {t('admin.review')}
          </IonButton>
        </div>
      )}
      {error && (
        <p className="pm-field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

function TextArea({
  label,
  name,
  value,
  onChange,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label className="block text-sm">
      <span className="pm-label">{label}</span>
      <textarea
        className="pm-input"
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

/** The last step before a final action: what will happen, to how many people; back or go. */
function Confirmation({
  title,
  body,
  confirm,
  color,
  pending,
  onBack,
  onConfirm,
}: {
  title: string;
  body: string;
  confirm: string;
  color: 'success' | 'danger';
  pending: boolean;
  onBack: () => void;
  onConfirm: () => void;
}) {
  const t = useT();
  const titleId = useId();
  return (
    <div
      className="mt-2 space-y-2 rounded-xl border-2 border-amber-500 bg-amber-50 p-3 dark:bg-amber-950/40"
      role="group"
      aria-labelledby={titleId}
      data-testid="admin-confirm"
    >
      <p id={titleId} className="m-0 font-semibold [overflow-wrap:anywhere]">
        {title}
      </p>
      <p className="m-0 text-sm">{body}</p>
      <div className="flex flex-wrap gap-2">
        <IonButton size="small" fill="outline" disabled={pending} onClick={onBack}>
          {t('admin.back')}
        </IonButton>
        <IonButton size="small" color={color} disabled={pending} onClick={onConfirm}>
          {confirm}
        </IonButton>
      </div>
    </div>
  );
}
