import { IonButton } from '@ionic/react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { PageBody, Section } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { Pager } from '@/components/Pager';
import { QueryView } from '@/components/QueryView';
import { ListSkeleton, Skeleton } from '@/components/States';
import { statusTone, Tag } from '@/components/Tag';
import { closesIn, formatChips, formatPeso, formatPercent } from '@/lib/format';
import { useI18n, useT } from '@/lib/i18n';
import { useSession } from '@/lib/session';
import {
  usePortfolio,
  useSettledPositions,
  type PortfolioPosition,
  type SettledPosition,
} from './api/get-portfolio';

/** The Portfolio tab: balance, totals, open positions valued now, settled history. */
export function PortfolioPage() {
  const t = useT();
  const { user, isLoading } = useSession();
  return (
    <>
      <PageHeader title={t('portfolio.title')} />
      <PageBody>
        {isLoading ? (
          <ListSkeleton count={2} />
        ) : user ? (
          <>
            <Balance chips={user.chips} />
            <OpenPositions />
            <SettledHistory />
          </>
        ) : (
          <Section>
            <h1 className="text-xl font-bold">{t('portfolio.loggedOutTitle')}</h1>
            <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-400">
              {t('portfolio.loggedOutBody')}
            </p>
            <IonButton routerLink="/login?next=%2Fportfolio">{t('auth.login')}</IonButton>
          </Section>
        )}
      </PageBody>
    </>
  );
}

function Balance({ chips }: { chips: number }) {
  const t = useT();
  return (
    <Section>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('common.balance')}</p>
          <p className="text-2xl font-bold tabular-nums" data-testid="portfolio-balance">
            {formatChips(chips)}
          </p>
        </div>
        <IonButton fill="outline" size="small" routerLink="/wallet">
          {t('portfolio.chipHistory')}
        </IonButton>
      </div>
    </Section>
  );
}

function OpenPositions() {
  const t = useT();
  const q = usePortfolio(true);
  return (
    <QueryView query={q} loading={<ListSkeleton count={2} />}>
      {({ positions, totals }) => (
        <>
          <dl className="mb-4 grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="portfolio-totals">
            <Tile label={t('portfolio.staked')} value={formatPeso(totals.staked)} />
            <Tile
              label={t('portfolio.ifAllWin')}
              value={formatPeso(totals.payout_if_all_win_now)}
              tone="green"
            />
            <Tile
              label={t('portfolio.realised')}
              value={signedPeso(totals.realised_profit)}
              tone={
                totals.realised_profit < 0
                  ? 'red'
                  : totals.realised_profit > 0
                    ? 'green'
                    : undefined
              }
              testId="portfolio-realised"
            />
            <Tile label={t('portfolio.settledCount')} value={String(totals.settled)} />
          </dl>
          <Section title={t('portfolio.open', { count: totals.positions })}>
            {positions.length === 0 ? (
              <div className="text-sm text-zinc-600 dark:text-zinc-400">
                <p>{t('portfolio.noOpen')}</p>
                <Link to="/home" className="mt-2 inline-block font-medium">
                  {t('portfolio.findMarkets')}
                </Link>
              </div>
            ) : (
              <ul
                className="divide-y divide-zinc-200 dark:divide-zinc-800"
                data-testid="open-positions"
              >
                {positions.map((p) => (
                  <OpenLine key={p.forecast_id} position={p} />
                ))}
              </ul>
            )}
            <p className="mt-2 text-xs text-zinc-500">{t('portfolio.liveNote')}</p>
          </Section>
        </>
      )}
    </QueryView>
  );
}

function OpenLine({ position: p }: { position: PortfolioPosition }) {
  const { t, lang } = useI18n();
  const when = p.market.status === 'open' ? closesIn(p.market.closes_at, new Date(), lang) : null;
  return (
    <li className="py-3" data-testid="open-position">
      <Link to={`/markets/${p.market.slug}`} className="font-medium [overflow-wrap:anywhere]">
        {p.market.title}
      </Link>
      <p className="mt-1 text-sm">
        {t('portfolio.stakeOn', { amount: formatPeso(p.stake), outcome: p.outcome_name })}
      </p>
      <p className="text-sm font-semibold text-green-700 dark:text-green-400" data-testid="if-wins">
        {t('portfolio.paysIfWins', {
          amount: formatPeso(p.payout_if_wins_now),
          profit: signedPeso(p.potential_profit),
        })}
      </p>
      <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-zinc-500 dark:text-zinc-400">
        <span>
          {t('portfolio.odds', {
            entry: formatPercent(p.crowd_probability),
            now: formatPercent(p.probability_now),
          })}
        </span>
        {when ? (
          <span>{t('markets.closesIn', { when })}</span>
        ) : (
          <Tag tone={statusTone(p.market.status)}>{t(`markets.status.${p.market.status}`)}</Tag>
        )}
      </p>
    </li>
  );
}

function SettledHistory() {
  const t = useT();
  const [page, setPage] = useState(1);
  const q = useSettledPositions(true, page);
  return (
    <Section title={t('portfolio.settled')}>
      <QueryView
        query={q}
        loading={<Skeleton className="h-12 w-full" />}
        empty={
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('portfolio.noSettled')}</p>
        }
      >
        {(res) => (
          <ul
            className="divide-y divide-zinc-200 dark:divide-zinc-800"
            data-testid="settled-positions"
          >
            {res.data.map((p) => (
              <SettledLine key={p.forecast_id} position={p} />
            ))}
          </ul>
        )}
      </QueryView>
      <Pager pagination={q.data?.pagination} onPage={setPage} />
    </Section>
  );
}

function SettledLine({ position: p }: { position: SettledPosition }) {
  const t = useT();
  return (
    <li className="flex items-start justify-between gap-3 py-3" data-testid="settled-position">
      <div className="min-w-0">
        <Link to={`/markets/${p.market.slug}`} className="font-medium [overflow-wrap:anywhere]">
          {p.market.title}
        </Link>
        <p className="mt-1 text-sm">
          {t('portfolio.stakeOn', { amount: formatPeso(p.stake), outcome: p.outcome_name })}
          {' · '}
          {t('portfolio.paid', { amount: formatPeso(p.payout) })}
        </p>
      </div>
      <div className="flex shrink-0 flex-col items-end gap-1">
        <Tag tone={statusTone(p.status)}>{t(`market.positionStatus.${p.status}`)}</Tag>
        <span
          className={`text-sm font-semibold tabular-nums ${p.profit < 0 ? 'text-red-700 dark:text-red-400' : p.profit > 0 ? 'text-green-700 dark:text-green-400' : ''}`}
          data-testid="settled-profit"
        >
          {signedPeso(p.profit)}
        </span>
      </div>
    </li>
  );
}

function Tile({
  label,
  value,
  tone,
  testId,
}: {
  label: string;
  value: string;
  tone?: 'green' | 'red';
  testId?: string;
}) {
  const color =
    tone === 'green'
      ? 'text-green-700 dark:text-green-400'
      : tone === 'red'
        ? 'text-red-700 dark:text-red-400'
        : '';
  return (
    <div className="card p-3">
      <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className={`m-0 text-lg font-semibold tabular-nums ${color}`} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** "+₱184", "−₱300", "₱0". */
function signedPeso(amount: number): string {
  if (amount > 0) return `+${formatPeso(amount)}`;
  if (amount < 0) return `−${formatPeso(-amount)}`;
  return formatPeso(0);
}
