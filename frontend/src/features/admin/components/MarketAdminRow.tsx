import { IonButton } from '@ionic/react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { statusTone, Tag } from '@/components/Tag';
import type { MarketSummary } from '@/lib/api-types';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime, formatPeso } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { runMarketAction, type MarketAction } from '../api/market-action';
import { useAdminMutation } from '../api/use-admin-mutation';
import { EditMarketForm } from './EditMarketForm';
import { SettlePanel } from './SettlePanel';

export function MarketAdminRow({ market }: { market: MarketSummary }) {
  const t = useT();
  const [panel, setPanel] = useState<'edit' | 'resolve' | 'cancel' | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAdminMutation((a: MarketAction) => runMarketAction(market.id, a));
  const final = market.status === 'resolved' || market.status === 'cancelled';

  const run = (a: MarketAction) => action.mutate(a, { onSuccess: () => setPanel(null) });
  const toggle = (p: 'resolve' | 'cancel') => setPanel(panel === p ? null : p);
  const serverError = action.isError ? errorMessage(action.error, t) : null;
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
      {(panel === 'resolve' || panel === 'cancel') && (
        <SettlePanel
          key={panel}
          market={market}
          kind={panel}
          pending={action.isPending}
          serverError={serverError}
          onRun={run}
        />
      )}
      {serverError && panel !== 'resolve' && panel !== 'cancel' && (
        <p className="pm-field-error" role="alert">
          {serverError}
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
