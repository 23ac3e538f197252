import { IonButton } from '@ionic/react';
import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { statusTone, Tag } from '@/components/Tag';
import type { MarketSummary } from '@/lib/api-types';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime, formatPeso } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { runMarketAction, type MarketAction } from '../api/market-action';
import { useAdminMutation } from '../api/use-admin-mutation';
import { EditMarketForm } from './EditMarketForm';

export function parseEvidence(text: string): string[] | null {
  const urls = text
    .split(/\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (urls.length === 0 || urls.some((u) => !/^https?:\/\/\S+\.\S+/.test(u))) return null;
  return urls;
}

export function MarketAdminRow({ market }: { market: MarketSummary }) {
  const t = useT();
  const [panel, setPanel] = useState<'edit' | 'resolve' | 'cancel' | null>(null);
  const [saved, setSaved] = useState(false);
  // No default: resolving is final, so the admin picks the winner deliberately.
  const [outcome, setOutcome] = useState('');
  // Resolve and cancel are final: a second step repeats what will happen before the call.
  const [confirming, setConfirming] = useState(false);
  const [evidence, setEvidence] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const action = useAdminMutation((a: MarketAction) => runMarketAction(market.id, a));
  const final = market.status === 'resolved' || market.status === 'cancelled';

  const run = (a: MarketAction) => {
    setLocalError(null);
    action.mutate(a, {
      onSuccess: () => {
        setPanel(null);
        setConfirming(false);
      },
    });
  };
  const toggle = (p: 'resolve' | 'cancel') => {
    setLocalError(null);
    setConfirming(false);
    setPanel(panel === p ? null : p);
  };
  const winnerName = market.outcomes.find((o) => o.id === outcome)?.name ?? '';
  const evidenceUrls = parseEvidence(evidence);
  const reviewResolve = () => {
    if (!outcome) return setLocalError(t('admin.err.outcome'));
    if (!evidenceUrls) return setLocalError(t('admin.err.evidence'));
    if (!note.trim()) return setLocalError(t('admin.err.required'));
    setLocalError(null);
    setConfirming(true);
  };
  const reviewCancel = () => {
    if (!reason.trim()) return setLocalError(t('admin.err.required'));
    setLocalError(null);
    setConfirming(true);
  };

  return (
    <li className="py-3" data-testid="admin-market">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <Link to={`/markets/${market.slug || market.id}`} className="font-medium">
            {market.title}
          </Link>
          <p className="text-xs text-zinc-500">
            {formatPeso(market.total_points)} · {formatDateTime(market.closes_at)}
          </p>
        </div>
        <Tag tone={statusTone(market.status)}>{t(`markets.status.${market.status}`)}</Tag>
      </div>
      {!final && (
        <div className="mt-2 flex flex-wrap gap-1">
          <IonButton
            size="small"
            fill="outline"
            onClick={() => {
              setSaved(false);
              setPanel(panel === 'edit' ? null : 'edit');
            }}
          >
            {t('admin.edit')}
          </IonButton>
          {market.status === 'open' && (
            <IonButton size="small" fill="outline" onClick={() => run({ kind: 'suspend' })}>
              {t('admin.suspend')}
            </IonButton>
          )}
          {market.status === 'suspended' && (
            <IonButton size="small" fill="outline" onClick={() => run({ kind: 'resume' })}>
              {t('admin.resume')}
            </IonButton>
          )}
          {(market.status === 'open' || market.status === 'suspended') && (
            <IonButton size="small" fill="outline" onClick={() => run({ kind: 'close' })}>
              {t('admin.close')}
            </IonButton>
          )}
          <IonButton size="small" fill="outline" color="success" onClick={() => toggle('resolve')}>
            {t('admin.resolve')}
          </IonButton>
          <IonButton size="small" fill="outline" color="danger" onClick={() => toggle('cancel')}>
            {t('admin.cancel')}
          </IonButton>
        </div>
      )}
      {panel === 'edit' && (
        <EditMarketForm
          market={market}
          onDone={() => {
            setPanel(null);
            setSaved(true);
          }}
        />
      )}
      {saved && !panel && (
        <p role="status" className="text-xs text-green-700 dark:text-green-400">
          {t('admin.saved')}
        </p>
      )}
      {panel === 'resolve' && !confirming && (
        <div className="mt-2 space-y-2 rounded-xl bg-zinc-100 p-3 dark:bg-zinc-900">
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
          <label className="block text-sm">
            <span className="pm-label">{t('admin.evidenceUrls')}</span>
            <textarea
              className="pm-input"
              name="evidence_urls"
              value={evidence}
              onChange={(e) => setEvidence(e.target.value)}
            />
          </label>
          <label className="block text-sm">
            <span className="pm-label">{t('admin.note')}</span>
            <textarea
              className="pm-input"
              name="resolution_note"
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </label>
          <IonButton size="small" color="success" onClick={reviewResolve}>
            {t('admin.review')}
          </IonButton>
        </div>
      )}
      {panel === 'resolve' && confirming && (
        <Confirmation
          title={t('admin.confirmResolveTitle', { market: market.title, outcome: winnerName })}
          body={t('admin.confirmResolveBody', {
            count: market.forecaster_count,
            outcome: winnerName,
          })}
          confirm={t('admin.confirmResolve')}
          color="success"
          pending={action.isPending}
          onBack={() => setConfirming(false)}
          onConfirm={() =>
            run({
              kind: 'resolve',
              outcome_id: outcome,
              evidence_urls: evidenceUrls ?? [],
              resolution_note: note.trim(),
            })
          }
        />
      )}
      {panel === 'cancel' && !confirming && (
        <div className="mt-2 space-y-2 rounded-xl bg-zinc-100 p-3 dark:bg-zinc-900">
          <label className="block text-sm">
            <span className="pm-label">{t('admin.reason')}</span>
            <textarea
              className="pm-input"
              name="reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <IonButton size="small" color="danger" onClick={reviewCancel}>
            {t('admin.review')}
          </IonButton>
        </div>
      )}
      {panel === 'cancel' && confirming && (
        <Confirmation
          title={t('admin.confirmCancelTitle', { market: market.title })}
          body={t('admin.confirmCancelBody', {
            count: market.forecaster_count,
            reason: reason.trim(),
          })}
          confirm={t('admin.confirmCancel')}
          color="danger"
          pending={action.isPending}
          onBack={() => setConfirming(false)}
          onConfirm={() => run({ kind: 'cancel', reason: reason.trim() })}
        />
      )}
      {(localError || action.isError) && (
        <p className="pm-field-error" role="alert">
          {localError ?? errorMessage(action.error, t)}
        </p>
      )}
      {action.isSuccess && !panel && (
        <p role="status" className="text-xs text-green-700 dark:text-green-400">
          {t('admin.done')}
        </p>
      )}
    </li>
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
