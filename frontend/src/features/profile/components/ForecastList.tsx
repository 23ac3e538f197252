import { Link } from 'react-router-dom';
import { statusTone, Tag } from '@/components/Tag';
import { formatPeso, formatRelative } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import type { MyForecast } from '../api/get-my-forecasts';

/** Forecasts with their market, outcome, stake, status and (once settled) payout. */
export function ForecastList({ items }: { items: MyForecast[] }) {
  const { t, lang } = useI18n();
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="forecast-list">
      {items.map((f) => {
        const title = f.market.title;
        const slug = f.market.slug;
        const outcome = f.outcome_name;
        return (
          <li key={f.id} className="flex items-center justify-between gap-3 py-2.5 text-sm">
            <div className="min-w-0">
              <Link
                to={`/markets/${slug}`}
                className="block truncate font-medium text-inherit no-underline hover:underline"
              >
                {title}
              </Link>
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                {outcome
                  ? t('market.positionLine', { points: formatPeso(f.points), outcome })
                  : formatPeso(f.points)}
                {f.payout != null && f.status !== 'pending' && (
                  <> · {t('market.payout', { amount: formatPeso(f.payout) })}</>
                )}
                {' · '}
                {formatRelative(f.updated_at || f.created_at, new Date(), lang)}
              </p>
            </div>
            <Tag tone={statusTone(f.status)}>{t(`market.positionStatus.${f.status}`)}</Tag>
          </li>
        );
      })}
    </ul>
  );
}
